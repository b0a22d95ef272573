package io.pyrocamel.discovery.docker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;
import io.pyrocamel.discovery.kubernetes.KubernetesTargets;

/**
 * The targets and {@code __meta_docker_*} labels of Prometheus' Docker SD (prometheus/prometheus
 * {@code discovery/moby/docker.go}, what Alloy's {@code discovery.docker} runs) from a container list and the network
 * labels: per container (with at least one name) and network, one target per TCP port ({@code ip:privatePort}), or
 * one at {@code ip:port} when it has none ({@code hostNetworkingHost} for host networking).
 *
 * @since 0.1.0
 */
public final class DockerTargets {

    static final String PREFIX = "__meta_docker_";
    public static final String CONTAINER_ID = PREFIX + "container_id";
    public static final String CONTAINER_NAME = PREFIX + "container_name";
    static final String CONTAINER_NETWORK_MODE = PREFIX + "container_network_mode";
    static final String CONTAINER_LABEL = PREFIX + "container_label_";
    static final String NETWORK_IP = PREFIX + "network_ip";
    static final String PORT_PRIVATE = PREFIX + "port_private";
    static final String PORT_PUBLIC = PREFIX + "port_public";
    static final String PORT_PUBLIC_IP = PREFIX + "port_public_ip";
    static final String NETWORK_ID = PREFIX + "network_id";
    static final String NETWORK_NAME = PREFIX + "network_name";
    static final String NETWORK_SCOPE = PREFIX + "network_scope";
    static final String NETWORK_INTERNAL = PREFIX + "network_internal";
    static final String NETWORK_INGRESS = PREFIX + "network_ingress";
    static final String NETWORK_LABEL = PREFIX + "network_label_";

    /** A network as {@code GET /networks} lists it. */
    public record NetworkInfo(String id, String name, String scope, boolean internal, boolean ingress,
                              Map<String, String> labels) {

        /** Its {@code __meta_docker_network_*} labels. */
        Map<String, String> metaLabels() {
            Map<String, String> m = new TreeMap<>();
            m.put(NETWORK_ID, id);
            m.put(NETWORK_NAME, name);
            m.put(NETWORK_SCOPE, scope);
            m.put(NETWORK_INTERNAL, Boolean.toString(internal));
            m.put(NETWORK_INGRESS, Boolean.toString(ingress));
            if (labels != null) {
                labels.forEach((k, v) -> m.put(NETWORK_LABEL + KubernetesTargets.sanitize(k), v));
            }
            return m;
        }
    }

    private DockerTargets() {
    }

    /**
     * The targets of the containers, ordered by container name (the daemon lists newest first), networks by name.
     *
     * @param networks           by network id
     * @param port               the port of containers without a TCP port
     * @param hostNetworkingHost the address of containers in host networking
     * @param matchFirstNetwork  with several networks, use only the first by name
     */
    public static List<Target> targets(List<Container> containers, Map<String, NetworkInfo> networks, int port,
                                       String hostNetworkingHost, boolean matchFirstNetwork) {
        Map<String, Container> byId = new HashMap<>();
        for (Container c : containers) {
            byId.put(c.getId(), c);
        }
        List<Container> sorted = new ArrayList<>(containers);
        sorted.sort(Comparator.comparing(c -> c.getNames() == null || c.getNames().length == 0 ? ""
                : c.getNames()[0]));
        Map<String, Map<String, String>> networkLabels = new HashMap<>();
        networks.forEach((id, n) -> networkLabels.put(id, n.metaLabels()));

        List<Target> out = new ArrayList<>();
        for (Container c : sorted) {
            if (c.getNames() == null || c.getNames().length == 0) {
                continue;
            }
            String networkMode = c.getHostConfig() == null ? "" : nz(c.getHostConfig().getNetworkMode());
            Map<String, String> common = new TreeMap<>();
            common.put(CONTAINER_ID, c.getId());
            common.put(CONTAINER_NAME, c.getNames()[0]);
            common.put(CONTAINER_NETWORK_MODE, networkMode);
            if (c.getLabels() != null) {
                c.getLabels().forEach((k, v) -> common.put(CONTAINER_LABEL + KubernetesTargets.sanitize(k), v));
            }

            Map<String, ContainerNetwork> nets = networks(c);
            String mode = networkMode;
            if (nets.isEmpty()) {
                // --network container:<id>: the networks of the container it shares
                while (mode.startsWith("container:")) {
                    Container shared = byId.get(mode.substring("container:".length()));
                    if (shared == null) {
                        break;
                    }
                    nets = networks(shared);
                    mode = shared.getHostConfig() == null ? "" : nz(shared.getHostConfig().getNetworkMode());
                    if (!nets.isEmpty()) {
                        break;
                    }
                }
            }
            if (matchFirstNetwork && nets.size() > 1) {
                Map.Entry<String, ContainerNetwork> first = nets.entrySet().stream()
                        .filter(e -> e.getValue() != null).min(Map.Entry.comparingByKey()).orElse(null);
                if (first != null) {
                    nets = Map.of(first.getKey(), first.getValue());
                }
            }
            for (ContainerNetwork n : new TreeMap<>(nets).values()) {
                if (n == null) {
                    continue;
                }
                String ip = nz(n.getIpAddress());
                Map<String, String> netLabels = networkLabels.getOrDefault(nz(n.getNetworkID()), Map.of());
                boolean added = false;
                for (ContainerPort p : c.getPorts() == null ? new ContainerPort[0] : c.getPorts()) {
                    if (!"tcp".equals(p.getType())) {
                        continue;
                    }
                    int priv = p.getPrivatePort() == null ? 0 : p.getPrivatePort();
                    Labels.Builder b = Labels.builder();
                    b.set(NETWORK_IP, ip);
                    b.set(PORT_PRIVATE, Integer.toString(priv));
                    if (p.getPublicPort() != null && p.getPublicPort() > 0) {
                        b.set(PORT_PUBLIC, Integer.toString(p.getPublicPort()));
                        b.set(PORT_PUBLIC_IP, nz(p.getIp()));
                    }
                    common.forEach(b::set);
                    netLabels.forEach(b::set);
                    b.set("__address__", joinHostPort(ip, priv));
                    out.add(new Target(b.build()));
                    added = true;
                }
                if (!added) {
                    Labels.Builder b = Labels.builder();
                    b.set(NETWORK_IP, ip);
                    common.forEach(b::set);
                    netLabels.forEach(b::set);
                    b.set("__address__", "host".equals(networkMode) ? hostNetworkingHost : joinHostPort(ip, port));
                    out.add(new Target(b.build()));
                }
            }
        }
        return out;
    }

    private static Map<String, ContainerNetwork> networks(Container c) {
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
            return Map.of();
        }
        return c.getNetworkSettings().getNetworks();
    }

    private static String joinHostPort(String host, int port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
