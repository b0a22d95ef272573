package io.pyrocamel.discovery.kubernetes;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.discovery.DiscoveryMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API server goes away and comes back (same port, same stored objects): the health check turns DOWN and the
 * failure is counted; when it is back the watches resume, changes made then are followed, the health check is UP
 * again, and no emitted list ever holds a target twice.
 */
class DiscoveryKubernetesWatchResumeTest extends CamelTestSupport {

    private final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
    private final Context json = new Context();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private KubernetesMockServer server;
    private int port;
    private final List<TargetSet> versions = new CopyOnWriteArrayList<>();

    private KubernetesMockServer startServer(int p) {
        KubernetesMockServer s = new KubernetesMockServer(json, new MockWebServer(), new HashMap<>(), store, false);
        if (p == 0) {
            s.init();
        } else {
            s.init(InetAddress.getLoopbackAddress(), p);
        }
        return s;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server = startServer(0);
        port = server.getPort();
        try (KubernetesClient c = server.createClient()) {
            c.pods().inNamespace("a").resource(PrometheusPodFixtures.pod("a")).create();
        }
        CamelContext ctx = super.createCamelContext();
        ctx.getRegistry().bind("meters", MeterRegistry.class, meters);
        return ctx;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-kubernetes:pods?role=pod&debounce=100ms&apiServer=http://"
                     + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port).routeId("pods")
                        .to("targets:pods");
            }
        };
    }

    private List<String> namespaces() {
        TargetSet s = TargetSetRegistry.of(context).current("pods");
        return s == null ? List.of() : s.targets().stream().map(t -> t.get("__meta_kubernetes_namespace")).toList();
    }

    private HealthCheck.State health() {
        return ((HealthCheckAware) context.getRoute("pods").getConsumer()).getHealthCheck().call().getState();
    }

    @Test
    void resumesAfterTheApiServerComesBack() throws Exception {
        TargetSetRegistry.of(context).subscribe("pods", versions::add);
        await().atMost(10, TimeUnit.SECONDS).until(() -> namespaces().equals(List.of("a")));
        await().atMost(5, TimeUnit.SECONDS).until(() -> health() == HealthCheck.State.UP);

        server.destroy();
        server = null;
        await().atMost(20, TimeUnit.SECONDS).until(() -> health() == HealthCheck.State.DOWN);
        assertThat(meters.get(DiscoveryMetrics.REFRESH_FAILURES).tag("component_id", "discovery.kubernetes.pods")
                .counter().count()).isGreaterThanOrEqualTo(1);
        // the last list stays while the server is away
        assertThat(namespaces()).containsExactly("a");

        server = startServer(port);
        try (KubernetesClient c = server.createClient()) {
            // the double does not replay the events missed while it was away (a real API server does, or answers
            // 410 Gone and the informer lists again), so change things once the watch is back: a pod appears...
            Pod b = PrometheusPodFixtures.pod("b");
            c.pods().inNamespace("b").resource(b).create();
            await().atMost(30, TimeUnit.SECONDS).until(() -> namespaces().equals(List.of("a", "b")));
            // ... and one is deleted
            c.pods().inNamespace("a").withName("testpod").delete();
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> namespaces().equals(List.of("b")));
        await().atMost(10, TimeUnit.SECONDS).until(() -> health() == HealthCheck.State.UP);
        for (TargetSet v : versions) {
            assertThat(new HashSet<Target>(v.targets())).hasSameSizeAs(v.targets());
        }
    }
}
