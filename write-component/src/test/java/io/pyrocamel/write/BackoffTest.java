package io.pyrocamel.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** dskit's backoff (SPEC.md §4.4), with the jitter fixed so the sequence is exact. */
class BackoffTest {

    @Test
    void growsExponentiallyAndIsCappedWithDefaults() {
        // jitter = 0: each delay is the lower bound of its range
        Backoff low = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5), bound -> 0);
        List<Long> lows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lows.add(low.next().toMillis());
        }
        assertThat(lows).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 64000L, 128000L,
                256000L, 256000L, 256000L);

        // jitter = maximum: each delay is just below the upper bound of its range, never above max
        Backoff high = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5), bound -> bound - 1);
        List<Long> highs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            highs.add(high.next().toMillis());
        }
        assertThat(highs).containsExactly(999L, 1999L, 3999L, 7999L, 15999L, 31999L, 63999L, 127999L, 255999L,
                299999L, 299999L, 299999L);
        assertThat(high.lower()).isEqualTo(Duration.ofSeconds(256));
        assertThat(high.upper()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void delaysStayInsideTheirRangeWithRealJitter() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000),
                bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
        long[][] ranges = {{100, 200}, {200, 400}, {400, 800}, {800, 1000}, {800, 1000}};
        for (long[] r : ranges) {
            long d = b.next().toMillis();
            assertThat(d).isBetween(r[0], r[1] - 1);
        }
    }

    @Test
    void equalMinAndMaxGiveAConstantDelay() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), bound -> 12345);
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void minAboveHalfMaxStaysInItsFirstRange() {
        // lo = 700, hi = min(1400, 1000) = 1000 = max: the range no longer grows (dskit doubles only while hi < max)
        Backoff b = new Backoff(Duration.ofMillis(700), Duration.ofMillis(1000), bound -> 0);
        assertThat(b.next().toMillis()).isEqualTo(700);
        assertThat(b.next().toMillis()).isEqualTo(700);
        assertThat(b.upper().toMillis()).isEqualTo(1000);
    }
}
