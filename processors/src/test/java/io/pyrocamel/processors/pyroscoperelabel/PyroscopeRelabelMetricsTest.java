package io.pyrocamel.processors.pyroscoperelabel;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.processors.Profiles;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six metrics, with Alloy's TestMetricsWithRelabeling sequence (empty, prod, dev dropped, prod again = cache hit,
 * stage) and its expected values, read from a Prometheus registry's /metrics text: exact upstream names, no _total.
 */
class PyroscopeRelabelMetricsTest extends CamelTestSupport {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("prometheusRegistry", prometheus);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in")
                        .to("pyroscope-relabel:metrics_test?maxCacheSize=10"
                            + "&rules=RAW([{sourceLabels: [env], action: drop, regex: dev}])")
                        .to("mock:out");
            }
        };
    }

    @Test
    void countsAsAlloyAndExposesTheExactUpstreamNames() {
        template.sendBody("direct:in", PushProfile.of(Labels.empty()));
        template.sendBody("direct:in", Profiles.push("env", "prod"));
        template.sendBody("direct:in", Profiles.push("env", "dev"));
        template.sendBody("direct:in", Profiles.ingest("env", "prod"));
        template.sendBody("direct:in", Profiles.ingest("env", "stage"));

        String scrape = prometheus.scrape();
        String tag = "{component_id=\"pyroscope.relabel.metrics_test\"}";
        assertThat(scrape)
                .contains("pyroscope_relabel_profiles_processed" + tag + " 5.0")
                .contains("pyroscope_relabel_profiles_written" + tag + " 4.0")
                .contains("pyroscope_relabel_profiles_dropped" + tag + " 1.0")
                .contains("pyroscope_relabel_cache_hits" + tag + " 1.0")
                .contains("pyroscope_relabel_cache_misses" + tag + " 3.0")
                .contains("pyroscope_relabel_cache_size" + tag + " 3.0")
                .contains("# HELP pyroscope_relabel_profiles_processed Total number of profiles processed")
                .doesNotContain("pyroscope_relabel_profiles_processed_total");
    }

    @Test
    void metersAreRemovedWhenTheEndpointStops() throws Exception {
        template.sendBody("direct:in", Profiles.push("env", "prod"));
        assertThat(prometheus.find(RelabelMetrics.PROFILES_PROCESSED).meters()).hasSize(1);
        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        context.getEndpoints().stream().filter(PyroscopeRelabelEndpoint.class::isInstance).forEach(e -> {
            try {
                e.stop();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        assertThat(prometheus.find(RelabelMetrics.PROFILES_PROCESSED).meters()).isEmpty();
    }
}
