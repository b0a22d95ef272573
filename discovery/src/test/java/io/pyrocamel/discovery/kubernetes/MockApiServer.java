package io.pyrocamel.discovery.kubernetes;

import java.util.HashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/** fabric8's Kubernetes API server double in CRUD mode (stores objects, serves list and watch) on loopback. */
final class MockApiServer implements AutoCloseable {

    final KubernetesMockServer server;
    final KubernetesClient client;

    MockApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    /** The URL for the apiServer option. */
    String url() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
