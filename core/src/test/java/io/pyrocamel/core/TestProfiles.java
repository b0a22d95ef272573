package io.pyrocamel.core;

import io.pyrocamel.core.proto.pprof.Function;
import io.pyrocamel.core.proto.pprof.Line;
import io.pyrocamel.core.proto.pprof.Location;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;

/** Small, real pprof profiles for tests. */
final class TestProfiles {

    private TestProfiles() {
    }

    /** A Go-style CPU profile: samples/count + cpu/nanoseconds, two stacks main→work and main. */
    static Profile cpuProfile() {
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
                .build();
    }
}
