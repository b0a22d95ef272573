package io.pyrocamel.write;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;

/**
 * A Camel context with one route {@code direct:in → pyroscope-write:...} and the app's Prometheus registry bound as
 * {@code metricsRegistry}; sends profiles and reads the write metrics.
 */
final class WriteHarness implements AutoCloseable {

    final CamelContext context;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ProducerTemplate template;
    final String url;

    private WriteHarness(String endpointUri, String url, Map<String, Object> beans) throws Exception {
        this.url = url;
        context = new DefaultCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        beans.forEach((k, v) -> context.getRegistry().bind(k, v));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("write").to(endpointUri);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    /** {@code pyroscope-write:test?url=<url>&<options>}; fast backoff unless the options set it. */
    static WriteHarness start(String url, String options) throws Exception {
        return start(url, options, Map.of());
    }

    static WriteHarness start(String url, String options, Map<String, Object> beans) throws Exception {
        String opts = options == null || options.isEmpty() ? "" : "&" + options;
        if (!opts.contains("minBackoffPeriod")) {
            opts += "&minBackoffPeriod=10ms&maxBackoffPeriod=40ms";
        }
        return new WriteHarness("pyroscope-write:test?url=" + url + opts, url, beans);
    }

    Exchange send(Profile profile) {
        return send(profile, Map.of());
    }

    Exchange send(Profile profile, Map<String, Object> headers) {
        return template.send("direct:in", e -> {
            e.getMessage().setBody(profile);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    static PushProfile cpu(String service, byte[] pprof) {
        return PushProfile.of(Labels.of("__name__", "process_cpu", "service_name", service), RawSample.of(pprof));
    }

    double counter(String name) {
        Counter c = registry.find(name).tag("endpoint", url).counter();
        return c == null ? 0 : c.count();
    }

    long latencyCount(String endpoint, String type) {
        DistributionSummary s = registry.find(WriteMetrics.LATENCY).tag("endpoint", endpoint).tag("type", type)
                .summary();
        return s == null ? 0 : s.count();
    }

    double sentProfiles() {
        return counter(WriteMetrics.SENT_PROFILES);
    }

    double droppedProfiles() {
        return counter(WriteMetrics.DROPPED_PROFILES);
    }

    double retries() {
        return counter(WriteMetrics.RETRIES);
    }

    double sentBytes() {
        return counter(WriteMetrics.SENT_BYTES);
    }

    double droppedBytes() {
        return counter(WriteMetrics.DROPPED_BYTES);
    }

    @Override
    public void close() {
        context.stop();
    }
}
