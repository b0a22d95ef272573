package io.pyrocamel.discovery.kubernetes;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The API server double for tests outside this package. */
public final class MockApiServerAccess implements AutoCloseable {

    private final MockApiServer server = new MockApiServer();

    public String url() {
        return server.url();
    }

    public KubernetesClient client() {
        return server.client;
    }

    /** A running pod with one container "app" without ports. */
    public Pod pod(String namespace, String name, String node, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("app:1")
                .endContainer().endSpec().withNewStatus().withPodIP("10.1.0.7").withPhase("Running").endStatus()
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
