package io.pyrocamel.processors.discoveryrelabel;

import java.util.List;
import java.util.Map;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.processors.Profiles;
import io.pyrocamel.processors.pyroscoperelabel.PyroscopeRelabelEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** discovery-relabel on target lists, and reuse of its rules by another step (rulesFrom). */
class DiscoveryRelabelRouteTest extends CamelTestSupport {

    /** Rules of the upstream pyroscope.enrich example's discovery.relabel, plus a keep on the namespace. */
    private static final String POD_RULES = "RAW(["
            + "{source_labels: [__meta_kubernetes_namespace], action: drop, regex: kube-system},"
            + "{source_labels: [__meta_kubernetes_namespace], target_label: namespace},"
            + "{source_labels: [__meta_kubernetes_pod_node_name], target_label: node},"
            + "{source_labels: [__meta_kubernetes_pod_label_app], target_label: app},"
            + "{source_labels: [__meta_kubernetes_pod_ip], target_label: pod_ip}"
            + "])";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pods").to("discovery-relabel:pods?rules=" + POD_RULES);
                from("direct:emptying").to("discovery-relabel:emptying?rules=RAW([{action: labelkeep, regex: keep_.*}])");
                from("direct:profiles").to("pyroscope-relabel:reuse?rulesFrom=discovery-relabel:pods").to("mock:reused");
            }
        };
    }

    private static Target pod(String ns, String node, String app, String ip) {
        return Target.of("__meta_kubernetes_namespace", ns, "__meta_kubernetes_pod_node_name", node,
                "__meta_kubernetes_pod_label_app", app, "__meta_kubernetes_pod_ip", ip, "__address__", ip + ":8080");
    }

    @Test
    void relabelsEachTargetOfAListAndRemovesDroppedOnes() {
        List<Target> in = List.of(pod("shop", "n1", "cart", "10.0.0.1"), pod("kube-system", "n1", "dns", "10.0.0.9"),
                pod("shop", "n2", "checkout", "10.0.0.2"));
        Exchange e = template.send("direct:pods", x -> x.getMessage().setBody(in));
        @SuppressWarnings("unchecked")
        List<Target> out = e.getMessage().getBody(List.class);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).labels()).isEqualTo(in.get(0).labels().toBuilder().set("namespace", "shop")
                .set("node", "n1").set("app", "cart").set("pod_ip", "10.0.0.1").build());
        assertThat(out.get(1).get("pod_ip")).isEqualTo("10.0.0.2");
        assertThat(e.getMessage().getHeader(DiscoveryRelabelConstants.TARGETS_IN)).isEqualTo(3);
        assertThat(e.getMessage().getHeader(DiscoveryRelabelConstants.TARGETS_DROPPED)).isEqualTo(1);
    }

    @Test
    void aTargetSetKeepsItsNameAndVersion() {
        TargetSet in = new TargetSet("k8s", 7, List.of(pod("shop", "n1", "cart", "10.0.0.1")));
        TargetSet out = template.requestBody("direct:pods", in, TargetSet.class);
        assertThat(out.name()).isEqualTo("k8s");
        assertThat(out.version()).isEqualTo(7);
        assertThat(out.targets()).singleElement().satisfies(t -> assertThat(t.get("app")).isEqualTo("cart"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void acceptsLabelsAndMapsAndAnEmptyList() {
        List<?> out = template.requestBody("direct:pods", List.of(
                Map.of("__meta_kubernetes_namespace", "shop", "__meta_kubernetes_pod_ip", "10.0.0.3"),
                Labels.of("__meta_kubernetes_namespace", "ops")), List.class);
        assertThat(out).hasSize(2).allSatisfy(t -> assertThat(t).isInstanceOf(Target.class));
        assertThat(((Target) out.get(0)).get("pod_ip")).isEqualTo("10.0.0.3");
        assertThat(template.requestBody("direct:pods", List.of(), List.class)).isEmpty();
    }

    @Test
    void targetsLeftWithoutLabelsAreRemoved() {
        List<?> out = template.requestBody("direct:emptying", List.of(Target.of("keep_me", "1", "other", "2"),
                Target.of("other", "3")), List.class);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isEqualTo(Target.of("keep_me", "1"));
    }

    @Test
    void anotherStepReusesTheExportedRulesLive() throws Exception {
        DiscoveryRelabelEndpoint pods = context.getEndpoints().stream()
                .filter(DiscoveryRelabelEndpoint.class::isInstance).map(DiscoveryRelabelEndpoint.class::cast)
                .filter(e -> e.getName().equals("pods")).findFirst().orElseThrow();
        PyroscopeRelabelEndpoint reuse = context.getEndpoints().stream()
                .filter(PyroscopeRelabelEndpoint.class::isInstance).map(PyroscopeRelabelEndpoint.class::cast)
                .findFirst().orElseThrow();
        assertThat(reuse.getRules()).isEqualTo(pods.getRules());
        assertThat(pods.getRuleCount()).isEqualTo(5);

        template.sendBody("direct:profiles", Profiles.push("__meta_kubernetes_namespace", "shop"));
        Exchange dropped = template.send("direct:profiles", x -> x.getMessage().setBody(
                Profiles.push("__meta_kubernetes_namespace", "kube-system")));
        assertThat(dropped.isRouteStop()).isTrue();
        assertThat(getMockEndpoint("mock:reused").getReceivedExchanges().get(0).getMessage()
                .getBody(PushProfile.class).labels().get("namespace")).isEqualTo("shop");

        // the source's rules change: the reusing step follows (and purges its cache)
        pods.updateRules("[{sourceLabels: [__meta_kubernetes_namespace], targetLabel: ns}]");
        template.sendBody("direct:profiles", Profiles.push("__meta_kubernetes_namespace", "kube-system"));
        assertThat(getMockEndpoint("mock:reused").getReceivedExchanges().get(1).getMessage()
                .getBody(PushProfile.class).labels().get("ns")).isEqualTo("kube-system");
        assertThat(reuse.getRules()).isEqualTo(pods.getRules());
        assertThat(reuse.getCacheSize()).isEqualTo(1);
    }
}
