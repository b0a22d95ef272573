package io.pyrocamel.processors.pyroscoperelabel;

import java.util.HashMap;
import java.util.Map;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upstream pyroscope.relabel example (hashmod 2 + drop ^1$) as the project's YAML route
 * {@code routes/relabel-sampling.yaml}, loaded by Camel's YAML DSL; receive and write are replaced by direct/mock with
 * advice-with (those components live in other modules). 1000 synthetic series: about half pass, and the same series
 * always gets the same decision.
 */
class PyroscopeRelabelSamplingYamlRouteTest extends CamelTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration config) {
        super.configureTest(config);
        config.withUseAdviceWith(true);
    }

    @Test
    void samplesAboutHalfOfTheSeriesConsistently() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveResource(context, "file:../routes/relabel-sampling.yaml"));
        AdviceWith.adviceWith(context, "relabel-sampling", a -> {
            a.replaceFromWith("direct:receive");
            a.weaveByToUri("pyroscope-write:*").replace().to("mock:written");
        });
        context.start();

        MockEndpoint written = getMockEndpoint("mock:written");
        Map<String, Boolean> firstDecision = new HashMap<>();
        int passed = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 1000; i++) {
                String env = "env-" + i;
                Profile p = PushProfile.of(Labels.of("service_name", "svc-" + (i % 7), "env", env,
                        "__name__", "process_cpu"), RawSample.of(new byte[] { (byte) i }));
                int before = written.getReceivedCounter();
                template.sendBody("direct:receive", p);
                boolean kept = written.getReceivedCounter() > before;
                Boolean earlier = firstDecision.putIfAbsent(env, kept);
                if (earlier != null) {
                    assertThat(kept).as("same decision for %s", env).isEqualTo(earlier);
                } else if (kept) {
                    passed++;
                }
            }
        }
        assertThat(passed).isBetween(400, 600);
        assertThat(written.getReceivedCounter()).isEqualTo(2 * passed);
        // what passes carries the hash label (0), payload untouched
        PushProfile out = written.getReceivedExchanges().get(0).getMessage().getBody(PushProfile.class);
        assertThat(out.labels().get("__tmp_hash")).isEqualTo("0");
        PyroscopeRelabelEndpoint ep = context.getEndpoints().stream()
                .filter(PyroscopeRelabelEndpoint.class::isInstance).map(PyroscopeRelabelEndpoint.class::cast)
                .findFirst().orElseThrow();
        assertThat(ep.getName()).isEqualTo("filter_profiles");
        assertThat(ep.getRuleCount()).isEqualTo(2);
        assertThat(ep.getProfilesProcessed()).isEqualTo(2000);
        assertThat(ep.getProfilesWritten()).isEqualTo(2L * passed);
        assertThat(ep.getProfilesDropped()).isEqualTo(2000 - 2L * passed);
        assertThat(ep.getCacheHits()).isEqualTo(1000);
        assertThat(ep.getCacheMisses()).isEqualTo(1000);
        assertThat(ep.getCacheSize()).isEqualTo(1000);
    }
}
