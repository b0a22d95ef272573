package io.pyrocamel.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The self-metrics of one discovery consumer, tagged {@code component_id} (Alloy's form, e.g.
 * {@code discovery.kubernetes.pods}) and {@code mechanism} ({@code process}, {@code kubernetes}, {@code docker}):
 * <ul>
 * <li>{@code pyroscope_discovery_targets} (gauge): targets in the last emitted list;</li>
 * <li>{@code pyroscope_discovery_refresh_failures_total} (counter): failed refreshes (a failed {@code /proc} scan or
 * Docker call, a failed Kubernetes list or watch);</li>
 * <li>{@code pyroscope_discovery_last_refresh_timestamp_seconds} (gauge): Unix time of the last successful refresh
 * (Kubernetes: of the last change applied from the watches);</li>
 * <li>{@code pyroscope_discovery_updates_total} (counter): target lists emitted.</li>
 * </ul>
 * Registered on the Micrometer {@link MeterRegistry} of the Camel registry when there is one; removed when the
 * consumer stops.
 *
 * @since 0.1.0
 */
public final class DiscoveryMetrics implements AutoCloseable {

    public static final String TARGETS = "pyroscope_discovery_targets";
    public static final String REFRESH_FAILURES = "pyroscope_discovery_refresh_failures";
    public static final String LAST_REFRESH = "pyroscope_discovery_last_refresh_timestamp_seconds";
    public static final String UPDATES = "pyroscope_discovery_updates";

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final AtomicLong targets = new AtomicLong();
    private final AtomicLong lastRefreshMillis = new AtomicLong();
    private final Counter failures;
    private final Counter updates;

    public DiscoveryMetrics(MeterRegistry registry, String componentId, String mechanism) {
        this.registry = registry;
        Tags tags = Tags.of("component_id", componentId, "mechanism", mechanism);
        meters.add(Gauge.builder(TARGETS, targets, AtomicLong::get).tags(tags)
                .description("Number of targets in the last list this discovery emitted.").register(registry));
        meters.add(Gauge.builder(LAST_REFRESH, lastRefreshMillis, v -> v.get() / 1000.0).tags(tags)
                .description("Unix time of the last successful refresh of this discovery.").register(registry));
        failures = Counter.builder(REFRESH_FAILURES).tags(tags)
                .description("Number of failed refreshes of this discovery.").register(registry);
        updates = Counter.builder(UPDATES).tags(tags)
                .description("Number of target lists this discovery emitted.").register(registry);
        meters.add(failures);
        meters.add(updates);
    }

    public void refreshed(long epochMillis) {
        lastRefreshMillis.set(epochMillis);
    }

    public void failed() {
        failures.increment();
    }

    public void emitted(int size) {
        targets.set(size);
        updates.increment();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
