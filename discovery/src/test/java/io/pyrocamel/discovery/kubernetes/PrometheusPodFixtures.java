package io.pyrocamel.discovery.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/**
 * The pods of Prometheus' {@code discovery/kubernetes/pod_test.go} (v3.10.0: makeMultiPortPods, makePods,
 * makeInitContainerPods) as fabric8 objects, and the target groups Prometheus' pod role produces for them
 * (expectedRes of TestPodDiscoveryBeforeRun, expectedPodTargetGroups, TestPodDiscoveryInitContainer), flattened into
 * targets (group labels overlaid with target labels) as Alloy exports them. Facts carried over; the code is ours.
 */
final class PrometheusPodFixtures {

    private PrometheusPodFixtures() {
    }

    static Pod multiPortPod() {
        return new PodBuilder()
                .withNewMetadata().withName("testpod").withNamespace("default")
                .addToLabels("test/label", "testvalue").addToAnnotations("test/annotation", "testannotationvalue")
                .withUid("abc123")
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("testcontrollerkind")
                .withName("testcontrollername").withUid("owner-uid").withController(true).endOwnerReference()
                .endMetadata()
                .withNewSpec().withNodeName("testnode")
                .addNewContainer().withName("testcontainer0").withImage("testcontainer0:latest")
                .addNewPort().withName("testport0").withProtocol("TCP").withContainerPort(9000).endPort()
                .addNewPort().withName("testport1").withProtocol("UDP").withContainerPort(9001).endPort()
                .endContainer()
                .addNewContainer().withName("testcontainer1").withImage("testcontainer1:latest").endContainer()
                .endSpec()
                .withNewStatus().withPodIP("1.2.3.4").withHostIP("2.3.4.5").withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("testcontainer0").withContainerID("docker://a1b2c3d4e5f6")
                .endContainerStatus()
                .addNewContainerStatus().withName("testcontainer1").withContainerID("containerd://6f5e4d3c2b1a")
                .endContainerStatus()
                .endStatus()
                .build();
    }

    static Pod pod(String namespace) {
        return new PodBuilder()
                .withNewMetadata().withName("testpod").withNamespace(namespace).withUid("abc123").endMetadata()
                .withNewSpec().withNodeName("testnode")
                .addNewContainer().withName("testcontainer").withImage("testcontainer:latest")
                .addNewPort().withName("testport").withProtocol("TCP").withContainerPort(9000).endPort()
                .endContainer()
                .endSpec()
                .withNewStatus().withPodIP("1.2.3.4").withHostIP("2.3.4.5").withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("testcontainer").withContainerID("docker://a1b2c3d4e5f6")
                .endContainerStatus()
                .endStatus()
                .build();
    }

    static Pod initContainerPod(String namespace) {
        return new PodBuilder()
                .withNewMetadata().withName("testpod").withNamespace(namespace).withUid("abc123").endMetadata()
                .withNewSpec().withNodeName("testnode")
                .addNewContainer().withName("testcontainer").withImage("testcontainer:latest")
                .addNewPort().withName("testport").withProtocol("TCP").withContainerPort(9000).endPort()
                .endContainer()
                .addNewInitContainer().withName("initcontainer").withImage("initcontainer:latest").endInitContainer()
                .endSpec()
                .withNewStatus().withPodIP("1.2.3.4").withHostIP("2.3.4.5").withPhase("Pending")
                .addNewCondition().withType("Ready").withStatus("False").endCondition()
                .addNewContainerStatus().withName("testcontainer").withContainerID("docker://a1b2c3d4e5f6")
                .endContainerStatus()
                .addNewInitContainerStatus().withName("initcontainer").withContainerID("containerd://6f5e4d3c2b1a")
                .endInitContainerStatus()
                .endStatus()
                .build();
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Map<String, String>> flatten(Map<String, String> group, List<Map<String, String>> targets) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> t : targets) {
            Map<String, String> m = new LinkedHashMap<>(group);
            m.putAll(t);
            out.add(m);
        }
        return out;
    }

    /** TestPodDiscoveryBeforeRun: makeMultiPortPods. */
    static List<Map<String, String>> multiPortPodTargets() {
        Map<String, String> group = map(
                "__meta_kubernetes_pod_name", "testpod",
                "__meta_kubernetes_namespace", "default",
                "__meta_kubernetes_pod_label_test_label", "testvalue",
                "__meta_kubernetes_pod_labelpresent_test_label", "true",
                "__meta_kubernetes_pod_annotation_test_annotation", "testannotationvalue",
                "__meta_kubernetes_pod_annotationpresent_test_annotation", "true",
                "__meta_kubernetes_pod_node_name", "testnode",
                "__meta_kubernetes_pod_ip", "1.2.3.4",
                "__meta_kubernetes_pod_host_ip", "2.3.4.5",
                "__meta_kubernetes_pod_ready", "true",
                "__meta_kubernetes_pod_phase", "Running",
                "__meta_kubernetes_pod_uid", "abc123",
                "__meta_kubernetes_pod_controller_kind", "testcontrollerkind",
                "__meta_kubernetes_pod_controller_name", "testcontrollername");
        return flatten(group, List.of(
                map("__address__", "1.2.3.4:9000",
                        "__meta_kubernetes_pod_container_name", "testcontainer0",
                        "__meta_kubernetes_pod_container_image", "testcontainer0:latest",
                        "__meta_kubernetes_pod_container_port_name", "testport0",
                        "__meta_kubernetes_pod_container_port_number", "9000",
                        "__meta_kubernetes_pod_container_port_protocol", "TCP",
                        "__meta_kubernetes_pod_container_init", "false",
                        "__meta_kubernetes_pod_container_id", "docker://a1b2c3d4e5f6"),
                map("__address__", "1.2.3.4:9001",
                        "__meta_kubernetes_pod_container_name", "testcontainer0",
                        "__meta_kubernetes_pod_container_image", "testcontainer0:latest",
                        "__meta_kubernetes_pod_container_port_name", "testport1",
                        "__meta_kubernetes_pod_container_port_number", "9001",
                        "__meta_kubernetes_pod_container_port_protocol", "UDP",
                        "__meta_kubernetes_pod_container_init", "false",
                        "__meta_kubernetes_pod_container_id", "docker://a1b2c3d4e5f6"),
                map("__address__", "1.2.3.4",
                        "__meta_kubernetes_pod_container_name", "testcontainer1",
                        "__meta_kubernetes_pod_container_image", "testcontainer1:latest",
                        "__meta_kubernetes_pod_container_init", "false",
                        "__meta_kubernetes_pod_container_id", "containerd://6f5e4d3c2b1a")));
    }

    private static Map<String, String> podGroup(String ns) {
        return map(
                "__meta_kubernetes_pod_name", "testpod",
                "__meta_kubernetes_namespace", ns,
                "__meta_kubernetes_pod_node_name", "testnode",
                "__meta_kubernetes_pod_ip", "1.2.3.4",
                "__meta_kubernetes_pod_host_ip", "2.3.4.5",
                "__meta_kubernetes_pod_ready", "true",
                "__meta_kubernetes_pod_phase", "Running",
                "__meta_kubernetes_pod_uid", "abc123");
    }

    private static Map<String, String> podTarget() {
        return map("__address__", "1.2.3.4:9000",
                "__meta_kubernetes_pod_container_name", "testcontainer",
                "__meta_kubernetes_pod_container_image", "testcontainer:latest",
                "__meta_kubernetes_pod_container_port_name", "testport",
                "__meta_kubernetes_pod_container_port_number", "9000",
                "__meta_kubernetes_pod_container_port_protocol", "TCP",
                "__meta_kubernetes_pod_container_init", "false",
                "__meta_kubernetes_pod_container_id", "docker://a1b2c3d4e5f6");
    }

    /** expectedPodTargetGroups(ns): makePods(ns). */
    static List<Map<String, String>> podTargets(String ns) {
        return flatten(podGroup(ns), List.of(podTarget()));
    }

    /** TestPodDiscoveryInitContainer: phase Pending, ready false, plus the init container's target. */
    static List<Map<String, String>> initContainerPodTargets(String ns) {
        Map<String, String> group = podGroup(ns);
        group.put("__meta_kubernetes_pod_phase", "Pending");
        group.put("__meta_kubernetes_pod_ready", "false");
        return flatten(group, List.of(podTarget(),
                map("__address__", "1.2.3.4",
                        "__meta_kubernetes_pod_container_name", "initcontainer",
                        "__meta_kubernetes_pod_container_image", "initcontainer:latest",
                        "__meta_kubernetes_pod_container_init", "true",
                        "__meta_kubernetes_pod_container_id", "containerd://6f5e4d3c2b1a")));
    }

    /** expectedPodTargetGroupsWithNodeMeta(ns, node, labels). */
    static List<Map<String, String>> podTargetsWithNodeMeta(String ns, String node, Map<String, String> nodeLabels) {
        Map<String, String> group = podGroup(ns);
        group.put("__meta_kubernetes_node_name", node);
        nodeLabels.forEach((k, v) -> {
            group.put("__meta_kubernetes_node_label_" + k, v);
            group.put("__meta_kubernetes_node_labelpresent_" + k, "true");
        });
        return flatten(group, List.of(podTarget()));
    }
}
