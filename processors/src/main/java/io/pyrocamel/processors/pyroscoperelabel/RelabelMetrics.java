package io.pyrocamel.processors.pyroscoperelabel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The six metrics of Alloy's {@code pyroscope.relabel} (SPEC.md §6.2), counted in {@link LongAdder}s and bound to a
 * Micrometer registry with tag {@code component_id} = {@code pyroscope.relabel.<endpoint name>}, as Alloy.
 *
 * <p>Naming: Micrometer's Prometheus registry (1.15, Prometheus client_java 1.3) always exposes a counter as
 * {@code <name>_total}, in both the text and the OpenMetrics format. Alloy serves the plain text format, where these
 * counters appear without {@code _total}. With {@code upstreamNames} (the default) the counters are registered as
 * Micrometer gauges, so {@code /metrics} shows exactly {@code pyroscope_relabel_profiles_processed} (with
 * {@code # TYPE ... gauge}; {@code rate()} and {@code increase()} work the same on it). Without it they are Micrometer
 * {@code FunctionCounter}s and show as {@code pyroscope_relabel_profiles_processed_total}.
 *
 * @since 0.1.0
 */
public final class RelabelMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RelabelMetrics.class);

    public static final String PROFILES_PROCESSED = "pyroscope_relabel_profiles_processed";
    public static final String PROFILES_WRITTEN = "pyroscope_relabel_profiles_written";
    public static final String PROFILES_DROPPED = "pyroscope_relabel_profiles_dropped";
    public static final String CACHE_HITS = "pyroscope_relabel_cache_hits";
    public static final String CACHE_MISSES = "pyroscope_relabel_cache_misses";
    public static final String CACHE_SIZE = "pyroscope_relabel_cache_size";
    public static final String TAG_COMPONENT_ID = "component_id";

    /** The component_id value, as Alloy writes it ({@code pyroscope.relabel.NAME}), so Alloy dashboards work. */
    static String componentId(String endpointName) {
        return "pyroscope.relabel." + endpointName;
    }

    final LongAdder processed = new LongAdder();
    final LongAdder written = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder cacheMisses = new LongAdder();

    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;

    /** Registers the meters on {@code registry}; {@code cacheSize} reads the current cache size. */
    synchronized void bind(MeterRegistry registry, String componentId, boolean upstreamNames, LongSupplier cacheSize) {
        unbind();
        if (registry.find(PROFILES_PROCESSED).tag(TAG_COMPONENT_ID, componentId).meter() != null) {
            LOG.warn("Metrics of pyroscope-relabel {} are already registered by another endpoint with that name;"
                     + " give each relabel step its own name, else one of them is not counted", componentId);
        }
        this.registry = registry;
        counter(PROFILES_PROCESSED, "Total number of profiles processed", processed, componentId, upstreamNames);
        counter(PROFILES_WRITTEN, "Total number of profiles forwarded", written, componentId, upstreamNames);
        counter(PROFILES_DROPPED, "Total number of profiles dropped by relabeling rules", dropped, componentId,
                upstreamNames);
        counter(CACHE_HITS, "Total number of cache hits", cacheHits, componentId, upstreamNames);
        counter(CACHE_MISSES, "Total number of cache misses", cacheMisses, componentId, upstreamNames);
        meters.add(Gauge.builder(CACHE_SIZE, cacheSize, s -> (double) s.getAsLong())
                .description("Total size of relabel cache").tag(TAG_COMPONENT_ID, componentId).register(registry));
    }

    private void counter(String name, String help, LongAdder value, String componentId, boolean upstreamNames) {
        Meter m = upstreamNames
                ? Gauge.builder(name, value, LongAdder::doubleValue).description(help).tag(TAG_COMPONENT_ID, componentId)
                        .register(registry)
                : FunctionCounter.builder(name, value, LongAdder::doubleValue).description(help)
                        .tag(TAG_COMPONENT_ID, componentId).register(registry);
        meters.add(m);
    }

    /** Removes the meters from the registry (on endpoint stop). */
    synchronized void unbind() {
        if (registry != null) {
            for (Meter m : meters) {
                registry.remove(m);
            }
        }
        meters.clear();
        registry = null;
    }
}
