package io.pyrocamel.processors.relabel;

import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pyrocamel.core.Labels;

/**
 * A {@link Relabeler} with a bounded cache from input label set to result, as Alloy's {@code pyroscope.relabel} keeps
 * one (there: an LRU keyed by a 64-bit fingerprint with collision lists; here: keyed by the {@link Labels} value itself,
 * so collisions cannot happen). Drops are cached too.
 *
 * <p>The cache is Caffeine with {@code maximumSize(maxSize)}: size-bounded with W-TinyLFU eviction (recency and
 * frequency), which keeps hot series better than a strict LRU under churn; maintenance runs on the calling threads, so
 * the size does not stay above the bound. {@code maxSize == 0} disables the cache. Hits and misses are counted.
 *
 * <p>A new instance is made when the rules change, which is how the cache is purged.
 *
 * @since 0.1.0
 */
public final class CachingRelabeler {

    /** Cached marker for "dropped". */
    private static final Labels DROPPED = Labels.of("__pyrocamel_dropped__", "true");

    private final Relabeler relabeler;
    private final Cache<Labels, Labels> cache;
    private final long maxSize;
    private final LongAdder hits;
    private final LongAdder misses;

    public CachingRelabeler(RelabelRules rules, long maxSize) {
        this(rules, maxSize, new LongAdder(), new LongAdder());
    }

    /**
     * A cache that counts hits and misses into the given adders (so that counts survive a rule change, which replaces
     * the instance).
     */
    public CachingRelabeler(RelabelRules rules, long maxSize, LongAdder hits, LongAdder misses) {
        this.hits = hits;
        this.misses = misses;
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxCacheSize must be >= 0 (0 = no cache), was " + maxSize);
        }
        this.relabeler = new Relabeler(rules);
        this.maxSize = maxSize;
        this.cache = maxSize == 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).build();
    }

    public RelabelRules rules() {
        return relabeler.rules();
    }

    public long maxSize() {
        return maxSize;
    }

    /** Same contract as {@link Relabeler#process}; answers repeated inputs from the cache. */
    public Labels process(Labels input) {
        if (cache == null) {
            misses.increment();
            return relabeler.process(input);
        }
        Labels cached = cache.getIfPresent(input);
        if (cached != null) {
            hits.increment();
            return cached == DROPPED ? null : cached;
        }
        misses.increment();
        Labels out = relabeler.process(input);
        cache.put(input, out == null ? DROPPED : out);
        return out;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Entries in the cache (Caffeine's estimate, exact here since maintenance runs inline). */
    public long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }
}
