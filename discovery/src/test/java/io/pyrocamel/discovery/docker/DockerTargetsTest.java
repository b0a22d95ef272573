package io.pyrocamel.discovery.docker;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Prometheus' Docker SD rules on daemon answers (GET /containers/json as Docker 20.10 writes it): UDP ports, several
 * networks with and without matchFirstNetwork, a container sharing another's network; and option validation.
 */
class DockerTargetsTest extends CamelTestSupport {

    static final String JSON = """
            [{"Id":"aaa","Names":["/web"],"Labels":{"com.example/tier":"front"},
              "Ports":[{"PrivatePort":8080,"Type":"tcp"},{"PrivatePort":53,"Type":"udp"}],
              "HostConfig":{"NetworkMode":"mynet"},
              "NetworkSettings":{"Networks":{
                 "mynet":{"NetworkID":"n2","IPAddress":"172.20.0.2"},
                 "bridge":{"NetworkID":"n1","IPAddress":"172.17.0.2"}}}},
             {"Id":"bbb","Names":["/sidecar"],"Ports":[{"PrivatePort":53,"Type":"udp"}],
              "HostConfig":{"NetworkMode":"container:aaa"},
              "NetworkSettings":{"Networks":{}}},
             {"Id":"ccc","Names":[],"HostConfig":{"NetworkMode":"default"},"NetworkSettings":{"Networks":{}}}]
            """;

    static final Map<String, DockerTargets.NetworkInfo> NETWORKS = Map.of(
            "n1", new DockerTargets.NetworkInfo("n1", "bridge", "local", false, false, Map.of()),
            "n2", new DockerTargets.NetworkInfo("n2", "mynet", "local", true, false, Map.of("com.example/env", "qa")));

    private static List<Container> containers() throws Exception {
        return new ObjectMapper().readValue(JSON, new TypeReference<List<Container>>() { });
    }

    @Test
    void firstNetworkOnly() throws Exception {
        List<Target> t = DockerTargets.targets(containers(), NETWORKS, 80, "localhost", true);
        assertThat(t).hasSize(2);
        // sorted by name: /sidecar, then /web; the sidecar shares web's network (the first by name: bridge) and has
        // only a UDP port: the fallback port
        assertThat(t.get(0).labels().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "__address__", "172.17.0.2:80", "__meta_docker_container_id", "bbb",
                "__meta_docker_container_name", "/sidecar", "__meta_docker_container_network_mode", "container:aaa",
                "__meta_docker_network_ip", "172.17.0.2", "__meta_docker_network_id", "n1",
                "__meta_docker_network_name", "bridge", "__meta_docker_network_scope", "local",
                "__meta_docker_network_internal", "false", "__meta_docker_network_ingress", "false"));
        assertThat(t.get(1).labels().asMap()).containsEntry("__address__", "172.17.0.2:8080")
                .containsEntry("__meta_docker_port_private", "8080")
                .containsEntry("__meta_docker_container_label_com_example_tier", "front")
                .doesNotContainKey("__meta_docker_port_public");
    }

    @Test
    void everyNetwork() throws Exception {
        List<Target> t = DockerTargets.targets(containers(), NETWORKS, 80, "localhost", false);
        assertThat(t).extracting(x -> x.get("__address__")).containsExactly(
                "172.17.0.2:80", "172.20.0.2:80", "172.17.0.2:8080", "172.20.0.2:8080");
        assertThat(t.get(3).labels().asMap()).containsEntry("__meta_docker_network_label_com_example_env", "qa")
                .containsEntry("__meta_docker_network_internal", "true");
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> context.getEndpoint("discovery-docker:d?host=ftp://x"))
                .rootCause().hasMessageContaining("discovery-docker:d").hasMessageContaining("option host must be");
        assertThatThrownBy(() -> context.getEndpoint("discovery-docker:d?refreshInterval=0"))
                .rootCause().hasMessageContaining("refreshInterval must be greater than 0");
        assertThatThrownBy(() -> context.getEndpoint("discovery-docker:d?refreshInterval=1x"))
                .rootCause().hasMessageContaining("option refreshInterval must be a duration");
        assertThatThrownBy(() -> context.getEndpoint("discovery-docker:d?port=70000"))
                .rootCause().hasMessageContaining("option port must be 0..65535");
        assertThatThrownBy(() -> context.getEndpoint("discovery-docker:d?tlsCertFile=/c"))
                .rootCause().hasMessageContaining("tlsCertFile and tlsKeyFile go together");
        DiscoveryDockerEndpoint e = context.getEndpoint("discovery-docker:d?filters.label=a=b,c=d&filters.status=running",
                DiscoveryDockerEndpoint.class);
        assertThat(e.settings().filters()).isEqualTo(Map.of("label", List.of("a=b", "c=d"), "status",
                List.of("running")));
        assertThat(e.getHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(e.getPort()).isEqualTo(80);
        assertThat(e.getRefreshInterval()).isEqualTo(60_000);
        assertThat(e.isMatchFirstNetwork()).isTrue();
        assertThat(e.getHostNetworkingHost()).isEqualTo("localhost");
    }
}
