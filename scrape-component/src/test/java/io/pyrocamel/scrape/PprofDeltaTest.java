package io.pyrocamel.scrape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.Pprof;

import static io.pyrocamel.scrape.TestPprof.labels;
import static io.pyrocamel.scrape.TestPprof.locs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client-side delta (SPEC.md §8.5) against golden text renderings in {@code src/test/resources/golden/}. Run with
 * {@code -Dpyrocamel.updateGolden=true} to rewrite them (then review the diff).
 */
class PprofDeltaTest {

    private static final String[] MEMORY_TYPES = {"alloc_objects/count", "alloc_space/bytes", "inuse_objects/count",
        "inuse_space/bytes"};

    static void golden(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name + ".txt");
        if (Boolean.getBoolean("pyrocamel.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String delta(PprofDelta d, byte[] profile) {
        byte[] out = d.next(ByteString.copyFrom(profile));
        assertThat(Pprof.isGzip(out)).as("a delta is always gzipped").isTrue();
        return TestPprof.render(Pprof.decode(out));
    }

    private static TestPprof memory(long time) {
        return new TestPprof(MEMORY_TYPES).time(time, 0).period("space", "bytes", 524288)
                .location(1, 0x1100, "main.alloc").location(2, 0x1200, "main.main").location(3, 0x1300, "main.other")
                .location(4, 0x1400, "main.idle").location(5, 0x1500, "main.fresh");
    }

    @Test
    void memoryDeltaMergesSubtractsAndPrunes() throws IOException {
        PprofDelta d = PprofDelta.forType("memory");
        byte[] first = memory(1_000_000_000L)
                .sample(locs(1, 2), labels("bytes=#1024"), 2, 2048, 1, 1024)
                .sample(locs(3, 2), labels("bytes=#512"), 1, 512, 1, 512)
                .sample(locs(1, 2), labels("bytes=#1024"), 1, 1024, 0, 0) // duplicate of the first: merged
                .sample(locs(4, 2), labels("bytes=#64"), 4, 256, 0, 0)
                .gzipped();
        assertThat(d.next(ByteString.copyFrom(first))).as("the first profile is a baseline").isNull();
        assertThat(d.hasBaseline()).isTrue();

        byte[] second = memory(16_000_000_000L)
                .sample(locs(1, 2), labels("bytes=#1024"), 5, 5120, 2, 2048)
                .sample(locs(3, 2), labels("bytes=#512"), 1, 512, 1, 512) // no new allocations, still in use
                .sample(locs(1, 2), labels("bytes=#1024"), 1, 1024, 0, 0)
                .sample(locs(4, 2), labels("bytes=#64"), 4, 256, 0, 0) // unchanged, nothing in use: dropped
                .sample(locs(5, 2), labels("bytes=#32"), 3, 96, 0, 0) // new
                .bytes(); // plain (not gzipped) input is accepted too
        golden("delta-memory", delta(d, second));
    }

    @Test
    void contentionDeltaRemembersSamplesThatDisappear() throws IOException {
        PprofDelta d = PprofDelta.forType("mutex");
        TestPprof base = new TestPprof("contentions/count", "delay/nanoseconds").period("contentions", "count", 1)
                .location(1, 0xa0, "sync.(*Mutex).Lock").location(2, 0xb0, "main.worker")
                .location(3, 0xc0, "main.other");
        assertThat(d.next(ByteString.copyFrom(base.time(1, 0)
                .sample(locs(1, 2), labels(), 10, 1000).sample(locs(1, 3), labels(), 5, 500).gzipped()))).isNull();

        TestPprof second = new TestPprof("contentions/count", "delay/nanoseconds").period("contentions", "count", 1)
                .location(1, 0xa0, "sync.(*Mutex).Lock").location(2, 0xb0, "main.worker").time(2, 0)
                .sample(locs(1, 2), labels(), 12, 1500);
        golden("delta-mutex-2", delta(d, second.gzipped()));

        TestPprof third = new TestPprof("contentions/count", "delay/nanoseconds").period("contentions", "count", 1)
                .location(7, 0xa0, "sync.(*Mutex).Lock").location(8, 0xc0, "main.other").location(9, 0xb0,
                        "main.worker").time(3, 0)
                // location ids differ from before; the addresses identify the stack
                .sample(locs(7, 9), labels(), 12, 1500)
                .sample(locs(7, 8), labels(), 9, 900);
        golden("delta-mutex-3", delta(d, third.gzipped()));
    }

    @Test
    void labelsAreOrderFreeAndPartOfTheIdentity() throws IOException {
        PprofDelta d = PprofDelta.forType("block");
        TestPprof p1 = new TestPprof("contentions/count", "delay/nanoseconds").location(1, 0x10, "main.f").time(1, 0)
                .sample(locs(1), labels("a=x", "b=y"), 1, 10)
                .sample(locs(1), labels("a=z"), 1, 10);
        assertThat(d.next(ByteString.copyFrom(p1.bytes()))).isNull();
        TestPprof p2 = new TestPprof("contentions/count", "delay/nanoseconds").location(1, 0x10, "main.f").time(2, 0)
                .sample(locs(1), labels("b=y", "a=x"), 3, 30)
                .sample(locs(1), labels("a=z"), 1, 10);
        golden("delta-block-labels", delta(d, p2.bytes()));
    }

    @Test
    void otherTypesHaveNoClientDelta() {
        assertThat(PprofDelta.forType("process_cpu")).isNull();
        assertThat(PprofDelta.forType("goroutine")).isNull();
        assertThat(PprofDelta.forType("fgprof")).isNull();
    }

    @Test
    void aMalformedProfileFailsAndTheNextOneIsANewBaseline() {
        PprofDelta d = PprofDelta.forType("memory");
        assertThat(d.next(ByteString.copyFrom(memory(1).sample(locs(1), labels(), 1, 1, 1, 1).bytes()))).isNull();
        byte[] bad = memory(2).sample(locs(42), labels(), 1, 1, 1, 1).bytes(); // no location 42
        assertThatThrownBy(() -> d.next(ByteString.copyFrom(bad))).isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("invalid location index 42");
        assertThat(d.hasBaseline()).isFalse();
        assertThat(d.next(ByteString.copyFrom(memory(3).sample(locs(1), labels(), 2, 2, 1, 1).bytes()))).isNull();
        assertThatThrownBy(() -> d.next(ByteString.copyFrom(new byte[] {0x1f, (byte) 0x8b, 1, 2})))
                .isInstanceOf(InvalidProfileException.class);
    }
}
