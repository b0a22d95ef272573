package io.pyrocamel.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jdk.jfr.Recording;

import io.pyrocamel.core.proto.jfr.Context;
import io.pyrocamel.core.proto.jfr.LabelsSnapshot;
import io.pyrocamel.core.proto.pprof.Function;
import io.pyrocamel.core.proto.pprof.Line;
import io.pyrocamel.core.proto.pprof.Location;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;

/** Real, small profiles for tests: pprof built with the project's protobuf classes, JFR recorded by this JVM. */
final class TestProfiles {

    private static byte[] jfr;

    private TestProfiles() {
    }

    /** A Go-style CPU profile: samples/count + cpu/nanoseconds, two stacks; {@code salt} varies the bytes. */
    static Profile cpuProfile(long salt) {
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
                .addSample(Sample.newBuilder().addLocationId(2).addLocationId(1).addValue(3).addValue(30_000_000 + salt))
                .addSample(Sample.newBuilder().addLocationId(1).addValue(1).addValue(10_000_000))
                .setTimeNanos(1_700_000_000_000_000_000L)
                .setDurationNanos(10_000_000_000L)
                .build();
    }

    /** A heap profile (alloc_objects/alloc_space): type memory. */
    static Profile memoryProfile() {
        return Profile.newBuilder()
                .addStringTable("").addStringTable("alloc_objects").addStringTable("count")
                .addStringTable("alloc_space").addStringTable("bytes").addStringTable("malloc")
                .addSampleType(ValueType.newBuilder().setType(1).setUnit(2))
                .addSampleType(ValueType.newBuilder().setType(3).setUnit(4))
                .addFunction(Function.newBuilder().setId(1).setName(5))
                .addLocation(Location.newBuilder().setId(1).addLine(Line.newBuilder().setFunctionId(1)))
                .addSample(Sample.newBuilder().addLocationId(1).addValue(2).addValue(4096))
                .build();
    }

    static byte[] cpu(long salt) {
        return cpuProfile(salt).toByteArray();
    }

    /** A real JFR recording of this JVM (made once, about 1 s), as {@code jfr print} reads it. */
    static synchronized byte[] jfrRecording() {
        if (jfr == null) {
            try {
                Path f = Files.createTempFile("pyrocamel-test", ".jfr");
                try (Recording r = new Recording()) {
                    r.enable("jdk.ThreadSleep").withoutThreshold();
                    r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(10));
                    r.start();
                    Thread.sleep(30);
                    r.stop();
                    r.dump(f);
                }
                jfr = Files.readAllBytes(f);
                Files.delete(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return jfr.clone();
    }

    /** A LabelsSnapshot as the Pyroscope Java agent sends it in the {@code labels} part. */
    static byte[] jfrLabels() {
        return LabelsSnapshot.newBuilder()
                .putStrings(1, "span_name").putStrings(2, "GET /cart").putStrings(3, "tenant").putStrings(4, "t1")
                .putContexts(7, Context.newBuilder().putLabels(1, 2).putLabels(3, 4).build())
                .build().toByteArray();
    }

    static final String BOUNDARY = "pyrocamel-3f1e7c0b";

    static String multipartContentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** A multipart/form-data body as OkHttp (the Java agent) and the Go SDK write it. */
    static byte[] multipart(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach((name, bytes) -> {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + name + "\"\r\nContent-Type: application/octet-stream\r\nContent-Length: " + bytes.length
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        });
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Every regular file under {@code dir} (relative path → size), for "nothing changed" checks. */
    static Map<String, Long> tree(Path dir) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        if (!Files.exists(dir)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(dir.relativize(p).toString(), Files.size(p));
                }
            }
        }
        return m;
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
