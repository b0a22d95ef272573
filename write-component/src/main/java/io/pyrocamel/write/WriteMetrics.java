package io.pyrocamel.write;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metrics of Alloy's {@code pyroscope.write} (SPEC.md §4.5), with the same names and labels in the Prometheus
 * output: counters {@code pyroscope_write_sent_bytes_total}, {@code _dropped_bytes_total},
 * {@code _sent_profiles_total}, {@code _dropped_profiles_total}, {@code _retries_total} with {@code endpoint} = URL,
 * and the histogram {@code pyroscope_write_latency{endpoint,type}} in seconds with Prometheus' default buckets.
 *
 * <p>The latency is a Micrometer {@link DistributionSummary} (not a Timer, which would be exposed as
 * {@code pyroscope_write_latency_seconds}) with explicit buckets, observed in seconds. Micrometer also exposes a
 * {@code pyroscope_write_latency_max} gauge beside it.
 */
final class WriteMetrics {

    static final String SENT_BYTES = "pyroscope_write_sent_bytes";
    static final String DROPPED_BYTES = "pyroscope_write_dropped_bytes";
    static final String SENT_PROFILES = "pyroscope_write_sent_profiles";
    static final String DROPPED_PROFILES = "pyroscope_write_dropped_profiles";
    static final String RETRIES = "pyroscope_write_retries";
    static final String LATENCY = "pyroscope_write_latency";

    /** Prometheus' {@code DefBuckets}, which Alloy's histogram uses. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** Label value of the {@code *_total} latency types. */
    static final String ALL_ENDPOINTS = "-";

    final Counter sentBytes;
    final Counter droppedBytes;
    final Counter sentProfiles;
    final Counter droppedProfiles;
    final Counter retries;
    private final DistributionSummary pushTotal;
    private final DistributionSummary pushEndpoint;
    private final DistributionSummary pushDownstream;
    private final DistributionSummary ingestTotal;
    private final DistributionSummary ingestEndpoint;
    private final DistributionSummary ingestDownstream;

    WriteMetrics(MeterRegistry registry, String endpointUrl) {
        sentBytes = counter(registry, SENT_BYTES, endpointUrl,
                "Total number of compressed bytes sent to Pyroscope.");
        droppedBytes = counter(registry, DROPPED_BYTES, endpointUrl,
                "Total number of compressed bytes dropped by Pyroscope.");
        sentProfiles = counter(registry, SENT_PROFILES, endpointUrl, "Total number of profiles sent to Pyroscope.");
        droppedProfiles = counter(registry, DROPPED_PROFILES, endpointUrl,
                "Total number of profiles dropped by Pyroscope.");
        retries = counter(registry, RETRIES, endpointUrl, "Total number of retries to Pyroscope.");
        pushTotal = latency(registry, ALL_ENDPOINTS, "push_total");
        pushEndpoint = latency(registry, endpointUrl, "push_endpoint");
        pushDownstream = latency(registry, endpointUrl, "push_downstream");
        ingestTotal = latency(registry, ALL_ENDPOINTS, "ingest_total");
        ingestEndpoint = latency(registry, endpointUrl, "ingest_endpoint");
        ingestDownstream = latency(registry, endpointUrl, "ingest_downstream");
    }

    private static Counter counter(MeterRegistry registry, String name, String endpoint, String help) {
        return Counter.builder(name).description(help).tag("endpoint", endpoint).register(registry);
    }

    private static DistributionSummary latency(MeterRegistry registry, String endpoint, String type) {
        return DistributionSummary.builder(LATENCY)
                .description("Write latency for sending profiles to pyroscope")
                .tag("endpoint", endpoint)
                .tag("type", type)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    void observeTotal(boolean push, long startNanos) {
        (push ? pushTotal : ingestTotal).record(seconds(startNanos));
    }

    void observeEndpoint(boolean push, long startNanos) {
        (push ? pushEndpoint : ingestEndpoint).record(seconds(startNanos));
    }

    void observeDownstream(boolean push, long startNanos) {
        (push ? pushDownstream : ingestDownstream).record(seconds(startNanos));
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
    }
}
