package io.pyrocamel.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.pyrocamel.core.proto.pprof.Function;
import io.pyrocamel.core.proto.pprof.Line;
import io.pyrocamel.core.proto.pprof.Location;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;
import jdk.jfr.Recording;

/** Real profile files for end-to-end tests. */
final class Profiles {

    private Profiles() {
    }

    /** A Go-style CPU profile with {@code samples} distinct stack values so two profiles differ. */
    static Profile cpu(long samples) {
        return Profile.newBuilder()
                .addStringTable("").addStringTable("samples").addStringTable("count")
                .addStringTable("cpu").addStringTable("nanoseconds")
                .addStringTable("main.main").addStringTable("main.work").addStringTable("main.go")
                .addSampleType(ValueType.newBuilder().setType(1).setUnit(2))
                .addSampleType(ValueType.newBuilder().setType(3).setUnit(4))
                .setPeriodType(ValueType.newBuilder().setType(3).setUnit(4))
                .setPeriod(10_000_000)
                .addFunction(Function.newBuilder().setId(1).setName(5).setFilename(7))
                .addFunction(Function.newBuilder().setId(2).setName(6).setFilename(7))
                .addLocation(Location.newBuilder().setId(1).addLine(Line.newBuilder().setFunctionId(1).setLine(10)))
                .addLocation(Location.newBuilder().setId(2).addLine(Line.newBuilder().setFunctionId(2).setLine(20)))
                .addSample(Sample.newBuilder().addLocationId(2).addLocationId(1).addValue(samples)
                        .addValue(samples * 10_000_000))
                .setTimeNanos(System.currentTimeMillis() * 1_000_000)
                .setDurationNanos(10_000_000_000L)
                .build();
    }

    /** A real JFR recording of this JVM, a second long, dumped to a file. */
    static byte[] jfrRecording(Path tmp) throws IOException, InterruptedException {
        Path file = tmp.resolve("recording-" + System.nanoTime() + ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            r.start();
            long end = System.nanoTime() + 1_000_000_000L;
            long x = 0;
            while (System.nanoTime() < end) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
            }
            r.stop();
            r.dump(file);
            if (x == 42) {
                System.out.println(x);
            }
        }
        return Files.readAllBytes(file);
    }

    /** Writes a file into a folder watched by a route: written aside, then moved in, so it is never read half-done. */
    static Path drop(Path inbox, String name, byte[] content) throws IOException {
        Files.createDirectories(inbox);
        Path tmp = inbox.getParent().resolve(name + ".part");
        Files.write(tmp, content);
        return Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
