package io.pyrocamel.discovery.docker;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.discovery.DiscoveryMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real Docker daemon: containers created (with labels, a published port, no port, host networking) appear
 * with Prometheus' __meta_docker_* labels; stopped and removed ones disappear; discovery-process joins the processes
 * inside them by container id; an unreachable daemon makes the health check DOWN with the reason.
 */
class DiscoveryDockerDaemonTest extends CamelTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static DockerClient docker;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void daemon() throws Exception {
        docker = DockerDaemon.ensure();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (docker != null) {
            for (Container c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("pyrocamel.test", RUN)).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            docker.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        ctx.getRegistry().bind("meters", MeterRegistry.class, meters);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-docker:local?refreshInterval=300ms&filters.label=pyrocamel.test=" + RUN)
                        .to("targets:docker");
                from("discovery-process:procs?refreshInterval=300ms&joinTargetSet=docker").to("targets:procs");
                from("discovery-docker:down?host=unix:///tmp/pyrocamel-no-docker.sock&refreshInterval=200ms")
                        .routeId("down").to("mock:down");
            }
        };
    }

    private String run(String name, HostConfig hostConfig, Map<String, String> labels, ExposedPort... exposed) {
        var create = docker.createContainerCmd(DockerDaemon.IMAGE).withName(name + "-" + RUN)
                .withCmd("/bin/sleep", "3600").withLabels(labels).withHostConfig(hostConfig);
        if (exposed.length > 0) {
            create.withExposedPorts(exposed);
        }
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    private List<Target> set(String name) {
        TargetSet s = TargetSetRegistry.of(context).current(name);
        return s == null ? List.of() : s.targets();
    }

    private Optional<Target> byName(String name) {
        return set("docker").stream().filter(t -> ("/" + name + "-" + RUN).equals(t.get("__meta_docker_container_name")))
                .findFirst();
    }

    @Test
    void containersAppearWithTheirLabelsAndDisappear() throws Exception {
        int hostPort;
        try (ServerSocket s = new ServerSocket(0)) {
            hostPort = s.getLocalPort();
        }
        ExposedPort http = ExposedPort.tcp(8080);
        Ports bindings = new Ports();
        bindings.bind(http, Ports.Binding.bindIpAndPort("127.0.0.1", hostPort));
        String web = run("pc-web", HostConfig.newHostConfig().withPortBindings(bindings),
                Map.of("pyrocamel.test", RUN, "com.example/role", "web"), http);
        String plain = run("pc-plain", HostConfig.newHostConfig(), Map.of("pyrocamel.test", RUN));
        String host = run("pc-host", HostConfig.newHostConfig().withNetworkMode("host"),
                Map.of("pyrocamel.test", RUN));

        await().atMost(30, TimeUnit.SECONDS).until(() -> set("docker").size() == 3);

        InspectContainerResponse webInfo = docker.inspectContainerCmd(web).exec();
        var bridge = webInfo.getNetworkSettings().getNetworks().get("bridge");
        String bridgeId = bridge.getNetworkID();
        String ip = bridge.getIpAddress();
        Map<String, String> network = Map.of("__meta_docker_network_id", bridgeId,
                "__meta_docker_network_name", "bridge", "__meta_docker_network_scope", "local",
                "__meta_docker_network_internal", "false", "__meta_docker_network_ingress", "false");
        assertThat(byName("pc-web")).get().extracting(t -> t.labels().asMap()).satisfies(l -> {
            assertThat(l).containsAllEntriesOf(network).containsAllEntriesOf(Map.of(
                    "__address__", ip + ":8080",
                    "__meta_docker_container_id", web,
                    "__meta_docker_container_name", "/pc-web-" + RUN,
                    "__meta_docker_container_network_mode", webInfo.getHostConfig().getNetworkMode(),
                    "__meta_docker_container_label_pyrocamel_test", RUN,
                    "__meta_docker_container_label_com_example_role", "web",
                    "__meta_docker_network_ip", ip,
                    "__meta_docker_port_private", "8080",
                    "__meta_docker_port_public", Integer.toString(hostPort),
                    "__meta_docker_port_public_ip", "127.0.0.1"));
            assertThat(l).hasSize(network.size() + 10);
        });
        String plainIp = docker.inspectContainerCmd(plain).exec().getNetworkSettings().getNetworks().get("bridge")
                .getIpAddress();
        assertThat(byName("pc-plain")).get().extracting(t -> t.labels().asMap()).satisfies(l -> {
            assertThat(l).containsAllEntriesOf(network).containsEntry("__address__", plainIp + ":80")
                    .containsEntry("__meta_docker_network_ip", plainIp).doesNotContainKey("__meta_docker_port_private");
        });
        assertThat(byName("pc-host")).get().extracting(t -> t.labels().asMap()).satisfies(l -> {
            assertThat(l).containsEntry("__address__", "localhost").containsEntry("__meta_docker_network_name", "host")
                    .containsEntry("__meta_docker_container_network_mode", "host")
                    .doesNotContainKey("__meta_docker_network_ip");
        });

        // discovery-process joins the process inside the container: its __container_id__ (from the cgroup) is the
        // container id
        long webPid = webInfo.getState().getPidLong();
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(set("procs")).filteredOn(
                t -> Long.toString(webPid).equals(t.get("__process_pid__"))).singleElement().satisfies(t -> {
                    assertThat(t.get("__container_id__")).isEqualTo(web);
                    assertThat(t.get("__meta_docker_container_name")).isEqualTo("/pc-web-" + RUN);
                    assertThat(t.get("__meta_process_commandline")).isEqualTo("/bin/sleep 3600");
                }));

        docker.stopContainerCmd(web).withTimeout(0).exec();
        await().atMost(30, TimeUnit.SECONDS).until(() -> byName("pc-web").isEmpty() && set("docker").size() == 2);
        docker.removeContainerCmd(plain).withForce(true).exec();
        await().atMost(30, TimeUnit.SECONDS).until(() -> byName("pc-plain").isEmpty() && set("docker").size() == 1);
        assertThat(byName("pc-host")).isPresent();
        docker.removeContainerCmd(host).withForce(true).exec();
        await().atMost(30, TimeUnit.SECONDS).until(() -> set("docker").isEmpty());
        assertThat(meters.get(DiscoveryMetrics.TARGETS).tag("component_id", "discovery.docker.local").gauge().value())
                .isZero();
    }

    @Test
    void anUnreachableDaemonMakesTheHealthCheckDown() {
        await().atMost(20, TimeUnit.SECONDS).until(() -> meters.get(DiscoveryMetrics.REFRESH_FAILURES)
                .tag("component_id", "discovery.docker.down").counter().count() >= 2);
        HealthCheck.Result r = ((HealthCheckAware) context.getRoute("down").getConsumer()).getHealthCheck().call();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage()).get().asString()
                .startsWith("cannot list the containers of the Docker daemon at unix:///tmp/pyrocamel-no-docker.sock");
        assertThat(getMockEndpoint("mock:down").getReceivedCounter()).isZero();
    }
}
