package io.pyrocamel.write;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * grafana/dskit's exponential backoff with jitter, as Alloy's write uses it (SPEC.md §4.4): each delay is uniform in
 * {@code [lo, hi)}, starting with {@code lo = min}, {@code hi = min(2·min, max)}; after each delay, while
 * {@code hi < max}, both double (capped at {@code max}); when {@code lo ≥ hi} the delay is {@code lo}; when
 * {@code min == max} every delay is {@code min}. Defaults 500ms/5m give 0.5–1 s, 1–2 s, 2–4 s … 128–256 s, then
 * 256–300 s. Not thread-safe: one per exchange.
 */
final class Backoff {

    private final long min;
    private final long max;
    private final LongUnaryOperator random;
    private long lo;
    private long hi;

    /**
     * @param random returns a uniform value in {@code [0, bound)} for a bound {@code > 0} (nanoseconds)
     */
    Backoff(Duration min, Duration max, LongUnaryOperator random) {
        this.min = min.toNanos();
        this.max = max.toNanos();
        this.random = random;
        this.lo = this.min;
        this.hi = doubled(this.min, this.max);
    }

    /** The next delay, advancing the range. */
    Duration next() {
        if (min == max) {
            return Duration.ofNanos(min);
        }
        if (lo >= hi) {
            return Duration.ofNanos(lo);
        }
        long sleep = lo + random.applyAsLong(hi - lo);
        if (hi < max) {
            lo = doubled(lo, max);
            hi = doubled(hi, max);
        }
        return Duration.ofNanos(sleep);
    }

    /** Current lower bound of the range (for tests). */
    Duration lower() {
        return Duration.ofNanos(lo);
    }

    /** Current upper bound of the range (exclusive, for tests). */
    Duration upper() {
        return Duration.ofNanos(hi);
    }

    private static long doubled(long v, long cap) {
        long d = v > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : v * 2;
        return Math.min(d, cap);
    }
}
