package io.pyrocamel.scrape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metrics of one {@code pyroscope-scrape} consumer. Alloy's {@code pyroscope.scrape} has one,
 * {@code pyroscope_fanout_latency} (seconds to hand a profile to the next components: here, to run the route); the
 * others are pyrocamel's, so failures show in metrics and not only in the debug state. All carry
 * {@code component_id="pyroscope.scrape.<name>"}, the id Alloy gives the component.
 *
 * <ul>
 *   <li>{@code pyroscope_fanout_latency} (histogram, seconds)</li>
 *   <li>{@code pyroscope_scrape_scrapes_total}: scrapes finished (success or not)</li>
 *   <li>{@code pyroscope_scrape_failures_total{reason}}: failed scrapes by reason ({@link Reason})</li>
 *   <li>{@code pyroscope_scrape_skipped_total}: scrapes not started because maxConcurrentScrapes were in flight</li>
 *   <li>{@code pyroscope_scrape_profiles_total}: profiles sent into the route</li>
 *   <li>{@code pyroscope_scrape_targets{health}}: scrape jobs (target × profile type) by health up/down/unknown</li>
 * </ul>
 *
 * <p>The counts are kept in {@link LongAdder}s (also read by JMX and the dev console) whether or not a registry is
 * bound.
 *
 * @since 0.1.0
 */
final class ScrapeMetrics {

    static final String FANOUT_LATENCY = "pyroscope_fanout_latency";
    static final String SCRAPES = "pyroscope_scrape_scrapes";
    static final String FAILURES = "pyroscope_scrape_failures";
    static final String SKIPPED = "pyroscope_scrape_skipped";
    static final String PROFILES = "pyroscope_scrape_profiles";
    static final String TARGETS = "pyroscope_scrape_targets";
    static final String TAG_COMPONENT_ID = "component_id";

    /** Prometheus' {@code DefBuckets}, which Alloy's histogram uses. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** Why a scrape failed. */
    enum Reason {
        /** connection refused, DNS, TLS handshake, proxy: the request got no response. */
        CONNECT,
        /** no response within the timeout. */
        TIMEOUT,
        /** a non-2xx status. */
        HTTP_STATUS,
        /** a 2xx response that is not a pprof profile (empty, text, wrong content type, bad wire type). */
        INVALID_PROFILE,
        /** the body is larger than maxProfileSize. */
        TOO_LARGE,
        /** the client-side delta could not be computed (malformed pprof). */
        DELTA,
        /** the route failed to process the profile (Alloy: "push failed"). */
        ROUTE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final LongAdder scrapes = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder profiles = new LongAdder();
    final Map<Reason, LongAdder> failures = new EnumMap<>(Reason.class);

    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;
    private DistributionSummary fanout;

    ScrapeMetrics() {
        for (Reason r : Reason.values()) {
            failures.put(r, new LongAdder());
        }
    }

    long failuresTotal() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void failed(Reason reason) {
        failures.get(reason).increment();
    }

    void fanout(long nanos) {
        DistributionSummary f = fanout;
        if (f != null) {
            f.record(nanos / 1e9);
        }
    }

    /** Registers the meters; {@code health} counts the jobs of one health state. */
    synchronized <T> void bind(MeterRegistry registry, String componentId, T pool, HealthCounter<T> health) {
        unbind();
        this.registry = registry;
        fanout = DistributionSummary.builder(FANOUT_LATENCY)
                .description("Write latency for sending to direct and indirect components.")
                .tag(TAG_COMPONENT_ID, componentId).serviceLevelObjectives(BUCKETS).register(registry);
        meters.add(fanout);
        counter(SCRAPES, "Scrapes finished, successful or not.", scrapes, componentId, null, null);
        counter(SKIPPED, "Scrapes not started because maxConcurrentScrapes requests were in flight.", skipped,
                componentId, null, null);
        counter(PROFILES, "Profiles sent into the route.", profiles, componentId, null, null);
        for (Reason r : Reason.values()) {
            counter(FAILURES, "Failed scrapes by reason.", failures.get(r), componentId, "reason", r.tag());
        }
        for (String h : List.of("up", "down", "unknown")) {
            ToDoubleFunction<T> f = p -> health.count(p, h);
            meters.add(Gauge.builder(TARGETS, pool, f).description("Scrape jobs (target x profile type) by health.")
                    .tag(TAG_COMPONENT_ID, componentId).tag("health", h).register(registry));
        }
    }

    private void counter(String name, String help, LongAdder value, String componentId, String tag, String tagValue) {
        FunctionCounter.Builder<LongAdder> b = FunctionCounter.builder(name, value, LongAdder::doubleValue)
                .description(help).tag(TAG_COMPONENT_ID, componentId);
        if (tag != null) {
            b.tag(tag, tagValue);
        }
        meters.add(b.register(registry));
    }

    synchronized void unbind() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
        meters.clear();
        registry = null;
        fanout = null;
    }

    /** Counts jobs of one health. */
    @FunctionalInterface
    interface HealthCounter<T> {
        double count(T pool, String health);
    }
}
