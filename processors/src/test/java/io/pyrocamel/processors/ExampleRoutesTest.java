package io.pyrocamel.processors;

import java.util.List;
import java.util.Properties;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSetRegistry;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example routes of this module in {@code routes/} load with Camel's YAML DSL and do what their comments say.
 * Endpoints of other modules (receive, write, store, discovery, targets) are replaced with advice-with: from → direct,
 * to → mock, {@code targets:NAME} → a publish on the {@link TargetSetRegistry} (what that component does).
 */
class ExampleRoutesTest extends CamelTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration config) {
        super.configureTest(config);
        config.withUseAdviceWith(true);
    }

    private void load(String file) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:../routes/"
                + file));
    }

    private Labels out(String mock, int i) {
        return getMockEndpoint(mock).getReceivedExchanges().get(i).getMessage().getBody(Profile.class).labels();
    }

    @Test
    void relabelSamplingStore() throws Exception {
        Properties p = new Properties();
        p.setProperty("pyrocamel.relabel.rules", "../routes/relabel/sampling.yaml");
        context.getPropertiesComponent().setOverrideProperties(p);
        load("relabel-sampling-store.yaml");
        AdviceWith.adviceWith(context, "relabel-sampling-store", a -> {
            a.replaceFromWith("direct:receive");
            a.weaveByToUri("pyroscope-store:*").replace().to("mock:store");
        });
        context.start();
        int kept = 0;
        for (int i = 0; i < 200; i++) {
            int before = getMockEndpoint("mock:store").getReceivedCounter();
            template.sendBody("direct:receive", Profiles.push("service_name", "svc", "env", "e" + i));
            kept += getMockEndpoint("mock:store").getReceivedCounter() - before;
        }
        assertThat(kept).isBetween(60, 140);
    }

    @Test
    @SuppressWarnings("unchecked")
    void enrichKubernetesEndToEnd() throws Exception {
        load("enrich-kubernetes.yaml");
        AdviceWith.adviceWith(context, "pods-discovery", a -> {
            a.replaceFromWith("direct:discover");
            a.weaveByToUri("targets:*").replace().process(e -> TargetSetRegistry.of(e.getContext())
                    .publish("pods", e.getMessage().getBody(List.class)));
        });
        AdviceWith.adviceWith(context, "receive-enrich", a -> {
            a.replaceFromWith("direct:receive");
            a.weaveByToUri("pyroscope-write:*").replace().to("mock:write");
        });
        context.start();

        // before discovery delivers: unchanged
        template.sendBody("direct:receive", Profiles.push("service_name", "10.1.0.7"));
        template.sendBody("direct:discover", List.of(
                Target.of("__meta_kubernetes_namespace", "shop", "__meta_kubernetes_pod_node_name", "node-a",
                        "__meta_kubernetes_pod_label_app", "cart", "__meta_kubernetes_pod_label_environment", "prod",
                        "__meta_kubernetes_pod_ip", "10.1.0.7", "__address__", "10.1.0.7:8080"),
                Target.of("__meta_kubernetes_namespace", "ops", "__meta_kubernetes_pod_ip", "10.1.0.8")));
        template.sendBody("direct:receive", Profiles.push("service_name", "10.1.0.7", "__name__", "process_cpu"));
        template.sendBody("direct:receive", Profiles.push("service_name", "10.1.0.8"));

        MockEndpoint write = getMockEndpoint("mock:write");
        assertThat(write.getReceivedCounter()).isEqualTo(3);
        assertThat(out("mock:write", 0)).isEqualTo(Labels.of("service_name", "10.1.0.7"));
        assertThat(out("mock:write", 1)).isEqualTo(Labels.of("service_name", "10.1.0.7", "__name__", "process_cpu",
                "namespace", "shop", "node", "node-a", "app", "cart", "environment", "prod"));
        assertThat(out("mock:write", 2)).isEqualTo(Labels.of("service_name", "10.1.0.8", "namespace", "ops"));
    }

    @Test
    void enrichStaticStore() throws Exception {
        load("enrich-static-store.yaml");
        AdviceWith.adviceWith(context, "enrich-static-store", a -> {
            a.replaceFromWith("direct:receive");
            a.weaveByToUri("pyroscope-store:*").replace().to("mock:store");
        });
        context.start();
        template.sendBody("direct:receive", Profiles.push("service_name", "checkout", "team", "unknown"));
        template.sendBody("direct:receive", Profiles.push("service_name", "other"));
        assertThat(out("mock:store", 0)).isEqualTo(Labels.of("service_name", "checkout", "team", "payments",
                "tier", "1"));
        assertThat(out("mock:store", 1)).isEqualTo(Labels.of("service_name", "other"));
    }
}
