package io.pyrocamel.discovery.kubernetes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Role pod against fabric8's API server double: the labels of Prometheus' pod-role fixtures, label by label; then pods
 * created, relabelled, emptied of their IP and deleted while the route follows; each emitted list complete and
 * without duplicates.
 */
class DiscoveryKubernetesPodRoleTest extends CamelTestSupport {

    static MockApiServer api;

    private final List<TargetSet> versions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startApiServer() {
        api = new MockApiServer();
        api.client.pods().inNamespace("default").resource(PrometheusPodFixtures.multiPortPod()).create();
    }

    @AfterAll
    static void stopApiServer() {
        api.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-kubernetes:pods?role=pod&debounce=100ms&apiServer=" + api.url())
                        .to("targets:pods");
            }
        };
    }

    private List<Map<String, String>> current() {
        TargetSet set = TargetSetRegistry.of(context).current("pods");
        List<Map<String, String>> out = new ArrayList<>();
        if (set != null) {
            for (Target t : set.targets()) {
                out.add(t.labels().asMap());
            }
        }
        return out;
    }

    @Test
    void followsPodsLabelByLabel() throws Exception {
        TargetSetRegistry.of(context).subscribe("pods", versions::add);
        // the pod created before the route started: Prometheus' TestPodDiscoveryBeforeRun
        await().atMost(10, TimeUnit.SECONDS).until(() -> !current().isEmpty());
        // the API server (like a real one) assigns the uid: Prometheus' fixture sets abc123 on its fake clientset
        assertTargets(current(), uid("default", PrometheusPodFixtures.multiPortPodTargets()));

        // created while the route runs: TestPodDiscoveryAdd, TestPodDiscoveryInitContainer
        api.client.pods().inNamespace("ns1").resource(PrometheusPodFixtures.pod("ns1")).create();
        api.client.pods().inNamespace("ns2").resource(PrometheusPodFixtures.initContainerPod("ns2")).create();
        List<Map<String, String>> expected = new ArrayList<>(uid("default",
                PrometheusPodFixtures.multiPortPodTargets()));
        expected.addAll(uid("ns1", PrometheusPodFixtures.podTargets("ns1")));
        expected.addAll(uid("ns2", PrometheusPodFixtures.initContainerPodTargets("ns2")));
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertTargets(current(), expected));

        // relabelled: a label changes value and one is added
        api.client.pods().inNamespace("ns1").withName("testpod")
                .edit(p -> { p.getMetadata().setLabels(Map.of("app", "cart", "test/label", "v2")); return p; });
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(current()).filteredOn(
                t -> "ns1".equals(t.get("__meta_kubernetes_namespace"))).singleElement().satisfies(t -> {
                    assertThat(t).containsEntry("__meta_kubernetes_pod_label_app", "cart")
                            .containsEntry("__meta_kubernetes_pod_labelpresent_app", "true")
                            .containsEntry("__meta_kubernetes_pod_label_test_label", "v2")
                            .containsEntry("__meta_kubernetes_pod_labelpresent_test_label", "true");
                }));

        // the pod IP goes away (evicted): no targets for it (TestPodDiscoveryUpdateEmptyPodIP)
        api.client.pods().inNamespace("ns2").withName("testpod")
                .edit(p -> { p.getStatus().setPodIP(""); return p; });
        await().atMost(10, TimeUnit.SECONDS).until(() -> current().stream()
                .noneMatch(t -> "ns2".equals(t.get("__meta_kubernetes_namespace"))));

        // deleted (TestPodDiscoveryDelete)
        api.client.pods().inNamespace("default").withName("testpod").delete();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(current()).extracting(
                t -> t.get("__meta_kubernetes_namespace")).containsOnly("ns1"));

        // every version: complete (never a half list), no duplicate targets, versions increasing
        long last = 0;
        for (TargetSet v : versions) {
            assertThat(v.version()).isGreaterThan(last);
            last = v.version();
            assertThat(new HashSet<>(v.targets())).hasSameSizeAs(v.targets());
        }
    }

    static void assertTargets(List<Map<String, String>> actual, List<Map<String, String>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (Map<String, String> e : expected) {
            Map<String, String> match = actual.stream()
                    .filter(a -> a.get("__address__").equals(e.get("__address__"))
                                 && a.get("__meta_kubernetes_namespace").equals(e.get("__meta_kubernetes_namespace"))
                                 && a.get("__meta_kubernetes_pod_container_name")
                                         .equals(e.get("__meta_kubernetes_pod_container_name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no target like " + e + " in " + actual));
            // label by label, both ways
            assertThat(match).as("target %s", e.get("__address__")).containsExactlyInAnyOrderEntriesOf(e);
        }
    }

    @Test
    void attachesNodeMetadata() throws Exception {
        // TestPodDiscoveryWithNodeMetadata: node labels on the pod's targets, updated when the node changes
        api.client.nodes().resource(new NodeBuilder().withNewMetadata().withName("testnode")
                .addToLabels("l1", "v1").endMetadata().build()).create();
        Pod pod = PrometheusPodFixtures.pod("meta");
        api.client.pods().inNamespace("meta").resource(pod).create();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-kubernetes:meta?role=pod&namespaces=meta&attachMetadataNode=true&debounce=100ms"
                     + "&apiServer=" + api.url()).to("targets:meta");
            }
        });
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertTargets(labels("meta"),
                uid("meta", PrometheusPodFixtures.podTargetsWithNodeMeta("meta", "testnode", Map.of("l1", "v1")))));
        api.client.nodes().withName("testnode").edit(n -> { n.getMetadata().setLabels(Map.of("l2", "v2")); return n; });
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertTargets(labels("meta"),
                uid("meta", PrometheusPodFixtures.podTargetsWithNodeMeta("meta", "testnode", Map.of("l2", "v2")))));
    }

    /** The fixture with the uid the API server gave the pod testpod of {@code ns}. */
    static List<Map<String, String>> uid(String ns, List<Map<String, String>> expected) {
        String uid = api.client.pods().inNamespace(ns).withName("testpod").get().getMetadata().getUid();
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> e : expected) {
            Map<String, String> m = new java.util.LinkedHashMap<>(e);
            m.put("__meta_kubernetes_pod_uid", uid);
            out.add(m);
        }
        return out;
    }

    private List<Map<String, String>> labels(String set) {
        TargetSet s = TargetSetRegistry.of(context).current(set);
        return s == null ? List.of() : s.targets().stream().map(t -> t.labels().asMap()).toList();
    }
}
