package io.pyrocamel.receive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Function;
import io.pyrocamel.core.proto.pprof.Line;
import io.pyrocamel.core.proto.pprof.Location;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;

/** Small, real request bodies for the tests. */
final class Profiles {

    private Profiles() {
    }

    /** A CPU pprof profile: two stacks main→work and main. */
    static byte[] cpuPprof() {
        return Profile.newBuilder()
                .addStringTable("").addStringTable("samples").addStringTable("count")
                .addStringTable("cpu").addStringTable("nanoseconds")
                .addStringTable("main").addStringTable("work").addStringTable("main.go")
                .addSampleType(ValueType.newBuilder().setType(1).setUnit(2))
                .addSampleType(ValueType.newBuilder().setType(3).setUnit(4))
                .setPeriodType(ValueType.newBuilder().setType(3).setUnit(4))
                .setPeriod(10_000_000)
                .addFunction(Function.newBuilder().setId(1).setName(5).setFilename(7))
                .addFunction(Function.newBuilder().setId(2).setName(6).setFilename(7))
                .addLocation(Location.newBuilder().setId(1).addLine(Line.newBuilder().setFunctionId(1).setLine(10)))
                .addLocation(Location.newBuilder().setId(2).addLine(Line.newBuilder().setFunctionId(2).setLine(20)))
                .addSample(Sample.newBuilder().addLocationId(2).addLocationId(1).addValue(3).addValue(30_000_000))
                .addSample(Sample.newBuilder().addLocationId(1).addValue(1).addValue(10_000_000))
                .setTimeNanos(1_700_000_000_000_000_000L)
                .setDurationNanos(10_000_000_000L)
                .build().toByteArray();
    }

    static byte[] cpuPprofGzip() {
        return Pprof.gzip(cpuPprof());
    }

    static final String BOUNDARY = "b0undary4ef2";

    /** A multipart/form-data body with the given (name, bytes) parts. */
    static byte[] form(Object... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            String name = (String) namesAndContents[i];
            byte[] content = (byte[]) namesAndContents[i + 1];
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String formContentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }
}
