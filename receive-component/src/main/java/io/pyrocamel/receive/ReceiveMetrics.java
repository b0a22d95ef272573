package io.pyrocamel.receive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The receiver's metrics, with the names Alloy exposes (dskit's HTTP server, prefix {@code pyroscope_receive_http_},
 * SPEC.md §5.4), each tagged {@code component_id=pyroscope.receive_http.NAME} as in Alloy's exposition:
 * <ul>
 * <li>{@code pyroscope_receive_http_tcp_connections{protocol="http"}} and
 * {@code pyroscope_receive_http_tcp_connections_limit{protocol="http"}} (gauges);</li>
 * <li>{@code pyroscope_receive_http_request_duration_seconds{method,route,status_code,ws}} (histogram, Prometheus'
 * default buckets);</li>
 * <li>{@code pyroscope_receive_http_request_message_bytes{method,route}},
 * {@code pyroscope_receive_http_response_message_bytes{method,route}} (summaries);</li>
 * <li>{@code pyroscope_receive_http_inflight_requests{method,route}} (gauge).</li>
 * </ul>
 * Without a {@link MeterRegistry} in the Camel registry nothing is recorded.
 */
final class ReceiveMetrics implements AutoCloseable {

    static final String PREFIX = "pyroscope_receive_http_";
    static final String TCP_CONNECTIONS = PREFIX + "tcp_connections";
    static final String TCP_CONNECTIONS_LIMIT = PREFIX + "tcp_connections_limit";
    static final String REQUEST_DURATION = PREFIX + "request_duration";
    static final String REQUEST_BYTES = PREFIX + "request_message_bytes";
    static final String RESPONSE_BYTES = PREFIX + "response_message_bytes";
    static final String INFLIGHT = PREFIX + "inflight_requests";
    static final String TAG_COMPONENT = "component_id";
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

    private final MeterRegistry registry;
    private final String componentId;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<ReceiveRoute, AtomicInteger> inflight = new EnumMap<>(ReceiveRoute.class);

    ReceiveMetrics(MeterRegistry registry, String componentId, ConnectionLimiter limiter) {
        this.registry = registry;
        this.componentId = componentId;
        for (ReceiveRoute r : new ReceiveRoute[] { ReceiveRoute.INGEST, ReceiveRoute.PUSH }) {
            inflight.put(r, new AtomicInteger());
        }
        if (registry == null) {
            return;
        }
        meters.add(Gauge.builder(TCP_CONNECTIONS, limiter, ConnectionLimiter::open)
                .tag("protocol", "http").tag(TAG_COMPONENT, componentId)
                .description("Current number of accepted TCP connections.").register(registry));
        meters.add(Gauge.builder(TCP_CONNECTIONS_LIMIT, limiter, ConnectionLimiter::limit)
                .tag("protocol", "http").tag(TAG_COMPONENT, componentId)
                .description("The maximum number of TCP connections that can be accepted (0 = no limit).")
                .register(registry));
        inflight.forEach((route, n) -> meters.add(Gauge.builder(INFLIGHT, n, AtomicInteger::get)
                .tag("method", "POST").tag("route", route.metricName()).tag(TAG_COMPONENT, componentId)
                .description("Current number of inflight requests.").register(registry)));
    }

    /** Counts a request that entered the processor as in flight until {@link #finished}. */
    void started(ReceiveRoute route) {
        AtomicInteger n = inflight.get(route);
        if (n != null) {
            n.incrementAndGet();
        }
    }

    void finished(ReceiveRoute route) {
        AtomicInteger n = inflight.get(route);
        if (n != null) {
            n.decrementAndGet();
        }
    }

    /** Records one answered request. */
    void request(String method, ReceiveRoute route, int status, long nanos, long requestBytes, long responseBytes) {
        if (registry == null) {
            return;
        }
        String r = route.metricName();
        Timer.builder(REQUEST_DURATION).description("Time (in seconds) spent serving HTTP requests.")
                .tag("method", method).tag("route", r).tag("status_code", Integer.toString(status)).tag("ws", "false")
                .tag(TAG_COMPONENT, componentId).serviceLevelObjectives(BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        DistributionSummary.builder(REQUEST_BYTES).baseUnit("bytes").description("Size (in bytes) of messages received"
                + " in the request.").tag("method", method).tag("route", r).tag(TAG_COMPONENT, componentId)
                .register(registry).record(requestBytes);
        DistributionSummary.builder(RESPONSE_BYTES).baseUnit("bytes").description("Size (in bytes) of messages sent"
                + " in response.").tag("method", method).tag("route", r).tag(TAG_COMPONENT, componentId)
                .register(registry).record(responseBytes);
    }

    @Override
    public void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
