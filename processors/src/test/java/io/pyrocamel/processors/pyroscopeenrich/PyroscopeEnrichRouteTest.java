package io.pyrocamel.processors.pyroscopeenrich;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.processors.Profiles;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** pyroscope-enrich: matched, unmatched, missing labels, labelsToCopy, target set updates while profiles flow. */
class PyroscopeEnrichRouteTest extends CamelTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the upstream example: match the profile's service_name against the target's pod_ip, copy four labels
                from("direct:copy").to("pyroscope-enrich:metadata?targetMatchLabel=pod_ip"
                        + "&profilesMatchLabel=service_name&labelsToCopy=namespace,node,app,environment"
                        + "&targetSet=pods").to("mock:out");
                // defaults: match on the same label, copy everything, inline targets
                from("direct:all").to("pyroscope-enrich:all?targetMatchLabel=pod_ip&targets=RAW(["
                        + "{pod_ip: 10.0.0.1, namespace: shop, __meta_kubernetes_pod_name: cart-1,"
                        + " service_name: from-target},"
                        + "{pod_ip: 10.0.0.2, namespace: first},"
                        + "{pod_ip: 10.0.0.2, namespace: last},"
                        + "{namespace: no-match-label}])").to("mock:all");
                // inline and target set together: the set wins on equal match values
                from("direct:both").to("pyroscope-enrich:both?targetMatchLabel=ip&targetSet=both"
                        + "&targets=RAW([{ip: a, src: inline}, {ip: b, src: inline}])").to("mock:both");
            }
        };
    }

    private static Labels labelsOut(MockEndpoint m, int i) {
        return m.getReceivedExchanges().get(i).getMessage().getBody(Profile.class).labels();
    }

    private void publishPods(String node) {
        TargetSetRegistry.of(context).publish("pods", List.of(
                Target.of("pod_ip", "10.0.0.1", "namespace", "shop", "node", node, "app", "cart",
                        "__meta_kubernetes_pod_name", "cart-1"),
                Target.of("pod_ip", "10.0.0.2", "namespace", "shop", "app", "checkout")));
    }

    @Test
    void copiesTheListedLabelsThatTheTargetHas() throws Exception {
        publishPods("n1");
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(3);
        template.sendBody("direct:copy", Profiles.push("service_name", "10.0.0.1", "namespace", "old"));
        template.sendBody("direct:copy", Profiles.ingest("service_name", "10.0.0.2"));
        template.sendBody("direct:copy", Profiles.push("service_name", "10.9.9.9"));
        out.assertIsSatisfied();
        // matched: listed labels copied, overwriting; __meta_* not listed, not copied; environment missing on target
        assertThat(labelsOut(out, 0)).isEqualTo(Labels.of("service_name", "10.0.0.1", "namespace", "shop",
                "node", "n1", "app", "cart"));
        // matched, target has no node: only what it has
        assertThat(labelsOut(out, 1)).isEqualTo(Labels.of("service_name", "10.0.0.2", "namespace", "shop",
                "app", "checkout"));
        assertThat(out.getReceivedExchanges().get(1).getMessage().getBody()).isInstanceOf(IngestProfile.class);
        // no target with that value: unchanged
        assertThat(labelsOut(out, 2)).isEqualTo(Labels.of("service_name", "10.9.9.9"));
        assertThat(out.getReceivedExchanges().get(2).getMessage().getHeader(PyroscopeEnrichConstants.MATCHED))
                .isEqualTo(false);
    }

    @Test
    void profilesWithoutTheMatchLabelPassUnchanged() throws Exception {
        publishPods("n1");
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        PushProfile p = Profiles.push("app", "x");
        template.sendBody("direct:copy", p);
        out.assertIsSatisfied();
        assertThat(out.getReceivedExchanges().get(0).getMessage().getBody()).isSameAs(p);
    }

    @Test
    void beforeTheTargetSetArrivesProfilesPassUnchanged() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        template.sendBody("direct:copy", Profiles.push("service_name", "10.0.0.1"));
        out.assertIsSatisfied();
        assertThat(labelsOut(out, 0)).isEqualTo(Labels.of("service_name", "10.0.0.1"));
    }

    @Test
    void emptyLabelsToCopyCopiesEverythingOverwritingAndTheLastDuplicateWins() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:all");
        out.expectedMessageCount(2);
        template.sendBody("direct:all", Profiles.push("pod_ip", "10.0.0.1", "service_name", "mine", "env", "prod"));
        template.sendBody("direct:all", Profiles.push("pod_ip", "10.0.0.2"));
        out.assertIsSatisfied();
        assertThat(labelsOut(out, 0)).isEqualTo(Labels.of("pod_ip", "10.0.0.1", "service_name", "from-target",
                "env", "prod", "namespace", "shop", "__meta_kubernetes_pod_name", "cart-1"));
        assertThat(labelsOut(out, 1)).isEqualTo(Labels.of("pod_ip", "10.0.0.2", "namespace", "last"));
        PyroscopeEnrichEndpoint ep = context.getEndpoints().stream().filter(PyroscopeEnrichEndpoint.class::isInstance)
                .map(PyroscopeEnrichEndpoint.class::cast).filter(e -> e.getName().equals("all")).findFirst()
                .orElseThrow();
        assertThat(ep.getTargetCount()).isEqualTo(4);
        assertThat(ep.getIndexSize()).isEqualTo(2);
        assertThat(ep.getProfilesMatched()).isEqualTo(2);
    }

    @Test
    void aTargetOfTheSetWinsOverAnInlineOne() throws Exception {
        TargetSetRegistry.of(context).publish("both", List.of(Target.of("ip", "b", "src", "set")));
        MockEndpoint out = getMockEndpoint("mock:both");
        out.expectedMessageCount(2);
        template.sendBody("direct:both", Profiles.push("ip", "a"));
        template.sendBody("direct:both", Profiles.push("ip", "b"));
        out.assertIsSatisfied();
        assertThat(labelsOut(out, 0).get("src")).isEqualTo("inline");
        assertThat(labelsOut(out, 1).get("src")).isEqualTo("set");
    }

    @Test
    void targetSetUpdatedWhileProfilesFlow() throws Exception {
        publishPods("n0");
        int n = 3_000;
        ExecutorService pool = context.getExecutorServiceManager().newSingleThreadExecutor(this, "sender");
        Future<List<String>> sender = pool.submit(() -> {
            List<String> nodes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Exchange e = template.send("direct:copy", x -> x.getMessage().setBody(
                        Profiles.push("service_name", "10.0.0.1")));
                nodes.add(e.getMessage().getBody(Profile.class).labels().get("node"));
            }
            return nodes;
        });
        for (int v = 1; v <= 20; v++) {
            publishPods("n" + v);
            Thread.sleep(2);
        }
        List<String> nodes = sender.get(30, TimeUnit.SECONDS);
        context.getExecutorServiceManager().shutdown(pool);
        // every profile was enriched from one complete version of the set, none lost, none half-updated
        assertThat(nodes).hasSize(n).allSatisfy(node -> assertThat(node).matches("n([0-9]|1[0-9]|20)"));
        // the versions only move forward as seen by one sender
        int last = -1;
        for (String node : nodes) {
            int v = Integer.parseInt(node.substring(1));
            assertThat(v).isGreaterThanOrEqualTo(last);
            last = v;
        }
        // after the last publish, the last version is used
        MockEndpoint out = getMockEndpoint("mock:out");
        out.reset();
        out.expectedMessageCount(1);
        template.sendBody("direct:copy", Profiles.push("service_name", "10.0.0.1"));
        out.assertIsSatisfied();
        assertThat(labelsOut(out, 0).get("node")).isEqualTo("n20");
        // a target that disappears no longer matches
        TargetSetRegistry.of(context).publish("pods", List.of());
        out.reset();
        out.expectedMessageCount(1);
        template.sendBody("direct:copy", Profiles.push("service_name", "10.0.0.1"));
        out.assertIsSatisfied();
        assertThat(labelsOut(out, 0)).isEqualTo(Labels.of("service_name", "10.0.0.1"));
    }

    @Test
    void inlineTargetsCanBeReplacedAtRunTime() throws Exception {
        PyroscopeEnrichEndpoint ep = context.getEndpoints().stream().filter(PyroscopeEnrichEndpoint.class::isInstance)
                .map(PyroscopeEnrichEndpoint.class::cast).filter(e -> e.getName().equals("all")).findFirst()
                .orElseThrow();
        ep.updateTargets("[{pod_ip: 10.0.0.1, namespace: replaced}]");
        MockEndpoint out = getMockEndpoint("mock:all");
        out.expectedMessageCount(1);
        template.sendBody("direct:all", Profiles.push("pod_ip", "10.0.0.1"));
        out.assertIsSatisfied();
        assertThat(labelsOut(out, 0)).isEqualTo(Labels.of("pod_ip", "10.0.0.1", "namespace", "replaced"));
    }
}
