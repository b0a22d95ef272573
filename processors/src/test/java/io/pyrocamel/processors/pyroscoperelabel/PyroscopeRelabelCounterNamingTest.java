package io.pyrocamel.processors.pyroscoperelabel;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pyrocamel.processors.Profiles;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With upstreamMetricNames=false the counters are Micrometer counters, and the Prometheus registry (Micrometer 1.15,
 * client_java 1.3) always appends _total: pins the finding that a counter cannot keep Alloy's exact name.
 */
class PyroscopeRelabelCounterNamingTest extends CamelTestSupport {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        PyroscopeRelabelComponent c = new PyroscopeRelabelComponent();
        c.setMeterRegistry(prometheus);
        c.setUpstreamMetricNames(false);
        ctx.addComponent("pyroscope-relabel", c);
        return ctx;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-relabel:counters").to("mock:out");
            }
        };
    }

    @Test
    void micrometerCountersGetTheTotalSuffix() {
        template.sendBody("direct:in", Profiles.push("env", "prod"));
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("# TYPE pyroscope_relabel_profiles_processed_total counter")
                .contains("pyroscope_relabel_profiles_processed_total{component_id=\"pyroscope.relabel.counters\"} 1.0");
        assertThat(prometheus.scrape("application/openmetrics-text; version=1.0.0; charset=utf-8"))
                .contains("pyroscope_relabel_profiles_processed_total{component_id=\"pyroscope.relabel.counters\"} 1.0");
    }
}
