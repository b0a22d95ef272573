package io.pyrocamel.discovery.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Roles service, endpoints, endpointslice and node against the API server double, compared label by label with
 * Prometheus' fixtures (service_test.go TestServiceDiscoveryAdd, endpoints_test.go TestEndpointsDiscoveryWithService,
 * node_test.go TestNodeDiscoveryBeforeStart; endpointslice from endpointslice.go's rules).
 */
class DiscoveryKubernetesRolesTest extends CamelTestSupport {

    static MockApiServer api;

    @BeforeAll
    static void startApiServer() {
        api = new MockApiServer();
        var c = api.client;
        c.services().inNamespace("svc").resource(new ServiceBuilder().withNewMetadata().withName("testservice")
                .withNamespace("svc").endMetadata().withNewSpec().addNewPort().withName("testport").withProtocol("TCP")
                .withPort(30900).endPort().withType("ClusterIP").withClusterIP("10.0.0.1").endSpec().build()).create();
        c.services().inNamespace("svc").resource(new ServiceBuilder().withNewMetadata()
                .withName("testservice-external").withNamespace("svc").endMetadata().withNewSpec().addNewPort()
                .withName("testport").withProtocol("TCP").withPort(31900).endPort().withType("ExternalName")
                .withExternalName("FooExternalName").endSpec().build()).create();
        c.services().inNamespace("svc").resource(new ServiceBuilder().withNewMetadata()
                .withName("testservice-loadbalancer").withNamespace("svc").endMetadata().withNewSpec().addNewPort()
                .withName("testport").withProtocol("TCP").withPort(31900).endPort().withType("LoadBalancer")
                .withClusterIP("10.0.0.1").withLoadBalancerIP("127.0.0.1").endSpec().build()).create();

        c.nodes().resource(new NodeBuilder().withNewMetadata().withName("test").addToLabels("test-label", "testvalue")
                .addToAnnotations("test-annotation", "testannotationvalue").endMetadata().withNewSpec()
                .withProviderID("aws:///nl-north-7b/i-03149834983492827").endSpec().withNewStatus()
                .addNewAddress().withType("InternalIP").withAddress("1.2.3.4").endAddress()
                .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10250).endKubeletEndpoint()
                .endDaemonEndpoints().endStatus().build()).create();

        c.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName("testendpoints")
                .withNamespace("default").addToLabels("app/name", "test").endMetadata().build()).create();
        c.endpoints().inNamespace("default").resource(new EndpointsBuilder().withNewMetadata()
                .withName("testendpoints").withNamespace("default").addToAnnotations("test.annotation", "test")
                .endMetadata()
                .addNewSubset().addNewAddress().withIp("1.2.3.4").withHostname("testendpoint1").withNodeName("foobar")
                .endAddress().addNewPort().withName("testport").withPort(9000).withProtocol("TCP").endPort().endSubset()
                .addNewSubset().addNewAddress().withIp("2.3.4.5").endAddress().addNewNotReadyAddress()
                .withIp("2.3.4.5").endNotReadyAddress().addNewPort().withName("testport").withPort(9001)
                .withProtocol("TCP").endPort().endSubset()
                .addNewSubset().addNewAddress().withIp("6.7.8.9").withNewTargetRef().withKind("Node")
                .withName("barbaz").endTargetRef().endAddress().addNewPort().withName("testport").withPort(9002)
                .withProtocol("TCP").endPort().endSubset()
                .build()).create();

        c.pods().inNamespace("slices").resource(PrometheusPodFixtures.pod("slices")).create();
        c.discovery().v1().endpointSlices().inNamespace("slices").resource(new EndpointSliceBuilder()
                .withNewMetadata().withName("testslice").withNamespace("slices")
                .addToLabels("kubernetes.io/service-name", "web").endMetadata()
                .withAddressType("IPv4")
                .addNewEndpoint().withAddresses("1.2.3.4").withNewConditions().withReady(true).withServing(true)
                .withTerminating(false).endConditions().withNodeName("testnode").withZone("us-east-1a")
                .withNewTargetRef().withKind("Pod").withName("testpod").withNamespace("slices").endTargetRef()
                .endEndpoint()
                .addNewPort().withName("http").withPort(8080).withProtocol("TCP").withAppProtocol("http").endPort()
                .build()).create();
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
                String common = "&debounce=50ms&apiServer=" + api.url();
                from("discovery-kubernetes:svc?role=service&namespaces=svc" + common).to("targets:svc");
                from("discovery-kubernetes:nodes?role=node" + common).to("targets:nodes");
                from("discovery-kubernetes:eps?role=endpoints&namespaces=default" + common).to("targets:eps");
                from("discovery-kubernetes:slices?role=endpointslice&namespaces=slices" + common)
                        .to("targets:slices");
            }
        };
    }

    private List<Map<String, String>> labels(String set) {
        TargetSet s = TargetSetRegistry.of(context).current(set);
        return s == null ? List.of() : s.targets().stream().map(t -> t.labels().asMap()).toList();
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private void assertSet(String set, List<Map<String, String>> expected) {
        await().atMost(15, TimeUnit.SECONDS).until(() -> labels(set).size() == expected.size());
        List<Map<String, String>> actual = labels(set);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("%s target %d", set, i).containsExactlyInAnyOrderEntriesOf(expected.get(i));
        }
    }

    @Test
    void service() {
        assertSet("svc", List.of(
                map("__meta_kubernetes_service_name", "testservice", "__meta_kubernetes_namespace", "svc",
                        "__meta_kubernetes_service_port_protocol", "TCP",
                        "__address__", "testservice.svc.svc:30900", "__meta_kubernetes_service_type", "ClusterIP",
                        "__meta_kubernetes_service_cluster_ip", "10.0.0.1",
                        "__meta_kubernetes_service_port_name", "testport",
                        "__meta_kubernetes_service_port_number", "30900"),
                map("__meta_kubernetes_service_name", "testservice-external", "__meta_kubernetes_namespace", "svc",
                        "__meta_kubernetes_service_port_protocol", "TCP",
                        "__address__", "testservice-external.svc.svc:31900",
                        "__meta_kubernetes_service_type", "ExternalName",
                        "__meta_kubernetes_service_port_name", "testport",
                        "__meta_kubernetes_service_port_number", "31900",
                        "__meta_kubernetes_service_external_name", "FooExternalName"),
                map("__meta_kubernetes_service_name", "testservice-loadbalancer", "__meta_kubernetes_namespace", "svc",
                        "__meta_kubernetes_service_port_protocol", "TCP",
                        "__address__", "testservice-loadbalancer.svc.svc:31900",
                        "__meta_kubernetes_service_type", "LoadBalancer",
                        "__meta_kubernetes_service_port_name", "testport",
                        "__meta_kubernetes_service_port_number", "31900",
                        "__meta_kubernetes_service_cluster_ip", "10.0.0.1",
                        "__meta_kubernetes_service_loadbalancer_ip", "127.0.0.1")));
    }

    @Test
    void node() {
        assertSet("nodes", List.of(map(
                "__address__", "1.2.3.4:10250", "instance", "test",
                "__meta_kubernetes_node_address_InternalIP", "1.2.3.4",
                "__meta_kubernetes_node_name", "test",
                "__meta_kubernetes_node_provider_id", "aws:///nl-north-7b/i-03149834983492827",
                "__meta_kubernetes_node_label_test_label", "testvalue",
                "__meta_kubernetes_node_labelpresent_test_label", "true",
                "__meta_kubernetes_node_annotation_test_annotation", "testannotationvalue",
                "__meta_kubernetes_node_annotationpresent_test_annotation", "true")));
    }

    @Test
    void endpointsWithService() {
        Map<String, String> group = map("__meta_kubernetes_namespace", "default",
                "__meta_kubernetes_endpoints_name", "testendpoints",
                "__meta_kubernetes_service_label_app_name", "test",
                "__meta_kubernetes_service_labelpresent_app_name", "true",
                "__meta_kubernetes_service_name", "testendpoints",
                "__meta_kubernetes_endpoints_annotation_test_annotation", "test",
                "__meta_kubernetes_endpoints_annotationpresent_test_annotation", "true");
        List<Map<String, String>> targets = List.of(
                map("__address__", "1.2.3.4:9000", "__meta_kubernetes_endpoint_hostname", "testendpoint1",
                        "__meta_kubernetes_endpoint_node_name", "foobar",
                        "__meta_kubernetes_endpoint_port_name", "testport",
                        "__meta_kubernetes_endpoint_port_protocol", "TCP",
                        "__meta_kubernetes_endpoint_ready", "true"),
                map("__address__", "2.3.4.5:9001", "__meta_kubernetes_endpoint_port_name", "testport",
                        "__meta_kubernetes_endpoint_port_protocol", "TCP", "__meta_kubernetes_endpoint_ready", "true"),
                map("__address__", "2.3.4.5:9001", "__meta_kubernetes_endpoint_port_name", "testport",
                        "__meta_kubernetes_endpoint_port_protocol", "TCP", "__meta_kubernetes_endpoint_ready", "false"),
                map("__address__", "6.7.8.9:9002", "__meta_kubernetes_endpoint_address_target_kind", "Node",
                        "__meta_kubernetes_endpoint_address_target_name", "barbaz",
                        "__meta_kubernetes_endpoint_port_name", "testport",
                        "__meta_kubernetes_endpoint_port_protocol", "TCP", "__meta_kubernetes_endpoint_ready", "true"));
        assertSet("eps", targets.stream().map(t -> {
            Map<String, String> m = new LinkedHashMap<>(group);
            m.putAll(t);
            return m;
        }).toList());
    }

    @Test
    void endpointSliceWithPod() {
        String uid = api.client.pods().inNamespace("slices").withName("testpod").get().getMetadata().getUid();
        Map<String, String> pod = map("__meta_kubernetes_pod_name", "testpod",
                "__meta_kubernetes_pod_node_name", "testnode", "__meta_kubernetes_pod_ip", "1.2.3.4",
                "__meta_kubernetes_pod_host_ip", "2.3.4.5", "__meta_kubernetes_pod_ready", "true",
                "__meta_kubernetes_pod_phase", "Running", "__meta_kubernetes_pod_uid", uid);
        Map<String, String> group = map("__meta_kubernetes_namespace", "slices",
                "__meta_kubernetes_endpointslice_address_type", "IPv4",
                "__meta_kubernetes_endpointslice_name", "testslice",
                "__meta_kubernetes_endpointslice_label_kubernetes_io_service_name", "web",
                "__meta_kubernetes_endpointslice_labelpresent_kubernetes_io_service_name", "true");
        Map<String, String> endpoint = new LinkedHashMap<>(group);
        endpoint.putAll(pod);
        endpoint.putAll(map("__address__", "1.2.3.4:8080",
                "__meta_kubernetes_endpointslice_port_name", "http",
                "__meta_kubernetes_endpointslice_port_protocol", "TCP",
                "__meta_kubernetes_endpointslice_port", "8080",
                "__meta_kubernetes_endpointslice_port_app_protocol", "http",
                "__meta_kubernetes_endpointslice_endpoint_conditions_ready", "true",
                "__meta_kubernetes_endpointslice_endpoint_conditions_serving", "true",
                "__meta_kubernetes_endpointslice_endpoint_conditions_terminating", "false",
                "__meta_kubernetes_endpointslice_endpoint_node_name", "testnode",
                "__meta_kubernetes_endpointslice_endpoint_zone", "us-east-1a",
                "__meta_kubernetes_endpointslice_address_target_kind", "Pod",
                "__meta_kubernetes_endpointslice_address_target_name", "testpod"));
        // the pod's container port 9000 is not a slice port: a target of its own (pod labels, container labels)
        Map<String, String> uncovered = new LinkedHashMap<>(group);
        uncovered.putAll(pod);
        uncovered.putAll(map("__address__", "1.2.3.4:9000",
                "__meta_kubernetes_pod_container_name", "testcontainer",
                "__meta_kubernetes_pod_container_image", "testcontainer:latest",
                "__meta_kubernetes_pod_container_port_name", "testport",
                "__meta_kubernetes_pod_container_port_number", "9000",
                "__meta_kubernetes_pod_container_port_protocol", "TCP",
                "__meta_kubernetes_pod_container_init", "false"));
        assertSet("slices", List.of(endpoint, uncovered));
    }
}
