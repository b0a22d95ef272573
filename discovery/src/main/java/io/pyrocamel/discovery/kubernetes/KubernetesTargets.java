package io.pyrocamel.discovery.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

/**
 * The targets and {@code __meta_kubernetes_*} labels of Prometheus' Kubernetes SD (prometheus/prometheus
 * {@code discovery/kubernetes}, the code Alloy's {@code discovery.kubernetes} runs), per role, from fabric8 objects.
 * Pure functions: the watcher passes the objects and lookups of its informer caches.
 *
 * <p>Each object gives a group (Prometheus' target group: labels shared by its targets) and its targets; a target is
 * the group labels overlaid with its own. Empty values are absent labels (Prometheus semantics).
 *
 * @since 0.1.0
 */
public final class KubernetesTargets {

    public static final String PREFIX = "__meta_kubernetes_";
    public static final String NAMESPACE = PREFIX + "namespace";
    static final String ADDRESS = "__address__";
    static final String INSTANCE = "instance";

    static final String POD_IP = PREFIX + "pod_ip";
    static final String POD_CONTAINER_NAME = PREFIX + "pod_container_name";
    static final String POD_CONTAINER_ID = PREFIX + "pod_container_id";
    static final String POD_CONTAINER_IMAGE = PREFIX + "pod_container_image";
    static final String POD_CONTAINER_PORT_NAME = PREFIX + "pod_container_port_name";
    static final String POD_CONTAINER_PORT_NUMBER = PREFIX + "pod_container_port_number";
    static final String POD_CONTAINER_PORT_PROTOCOL = PREFIX + "pod_container_port_protocol";
    static final String POD_CONTAINER_INIT = PREFIX + "pod_container_init";
    static final String POD_READY = PREFIX + "pod_ready";
    static final String POD_PHASE = PREFIX + "pod_phase";
    static final String POD_NODE_NAME = PREFIX + "pod_node_name";
    static final String POD_HOST_IP = PREFIX + "pod_host_ip";
    static final String POD_UID = PREFIX + "pod_uid";
    static final String POD_CONTROLLER_KIND = PREFIX + "pod_controller_kind";
    static final String POD_CONTROLLER_NAME = PREFIX + "pod_controller_name";

    static final String SERVICE_PORT_NAME = PREFIX + "service_port_name";
    static final String SERVICE_PORT_NUMBER = PREFIX + "service_port_number";
    static final String SERVICE_PORT_PROTOCOL = PREFIX + "service_port_protocol";
    static final String SERVICE_CLUSTER_IP = PREFIX + "service_cluster_ip";
    static final String SERVICE_LOADBALANCER_IP = PREFIX + "service_loadbalancer_ip";
    static final String SERVICE_EXTERNAL_NAME = PREFIX + "service_external_name";
    static final String SERVICE_TYPE = PREFIX + "service_type";

    static final String NODE_PROVIDER_ID = PREFIX + "node_provider_id";
    static final String NODE_ADDRESS_PREFIX = PREFIX + "node_address_";

    static final String ENDPOINT_NODE_NAME = PREFIX + "endpoint_node_name";
    static final String ENDPOINT_HOSTNAME = PREFIX + "endpoint_hostname";
    static final String ENDPOINT_READY = PREFIX + "endpoint_ready";
    static final String ENDPOINT_PORT_NAME = PREFIX + "endpoint_port_name";
    static final String ENDPOINT_PORT_PROTOCOL = PREFIX + "endpoint_port_protocol";
    static final String ENDPOINT_ADDRESS_TARGET_KIND = PREFIX + "endpoint_address_target_kind";
    static final String ENDPOINT_ADDRESS_TARGET_NAME = PREFIX + "endpoint_address_target_name";

    static final String SLICE = PREFIX + "endpointslice_";
    static final String SLICE_ADDRESS_TYPE = SLICE + "address_type";
    static final String SLICE_PORT_NAME = SLICE + "port_name";
    static final String SLICE_PORT_PROTOCOL = SLICE + "port_protocol";
    static final String SLICE_PORT = SLICE + "port";
    static final String SLICE_PORT_APP_PROTOCOL = SLICE + "port_app_protocol";
    static final String SLICE_READY = SLICE + "endpoint_conditions_ready";
    static final String SLICE_SERVING = SLICE + "endpoint_conditions_serving";
    static final String SLICE_TERMINATING = SLICE + "endpoint_conditions_terminating";
    static final String SLICE_ZONE = SLICE + "endpoint_zone";
    static final String SLICE_HOSTNAME = SLICE + "endpoint_hostname";
    static final String SLICE_NODE_NAME = SLICE + "endpoint_node_name";
    static final String SLICE_TARGET_KIND = SLICE + "address_target_kind";
    static final String SLICE_TARGET_NAME = SLICE + "address_target_name";
    static final String SLICE_TOPOLOGY = SLICE + "endpoint_topology_";
    static final String SLICE_TOPOLOGY_PRESENT = SLICE + "endpoint_topology_present_";
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    /** Lookups into the other informer caches of a role. */
    public interface Lookups {
        /** A pod by namespace and name, or null. */
        Pod pod(String namespace, String name);

        /** A service by namespace and name, or null. */
        Service service(String namespace, String name);

        /** A node by name, or null (also when node metadata is not attached). */
        Node node(String name);

        /** A namespace by name, or null (also when namespace metadata is not attached). */
        Namespace namespace(String name);

        Lookups NONE = new Lookups() {
            @Override
            public Pod pod(String namespace, String name) {
                return null;
            }

            @Override
            public Service service(String namespace, String name) {
                return null;
            }

            @Override
            public Node node(String name) {
                return null;
            }

            @Override
            public Namespace namespace(String name) {
                return null;
            }
        };
    }

    /** A Prometheus target group. */
    public record Group(String source, Map<String, String> labels, List<Map<String, String>> targets) {

        /** The targets: group labels overlaid with each target's own. */
        public List<Target> flatten() {
            List<Target> out = new ArrayList<>(targets.size());
            for (Map<String, String> t : targets) {
                Labels.Builder b = Labels.builder();
                labels.forEach(b::set);
                t.forEach(b::set);
                out.add(new Target(b.build()));
            }
            return out;
        }
    }

    private KubernetesTargets() {
    }

    // ---------------------------------------------------------------- shared

    /** Prometheus' {@code strutil.SanitizeLabelName}: every character outside {@code [a-zA-Z0-9_]} becomes {@code _}. */
    public static String sanitize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> sb.append(
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? (char) c : '_'));
        return sb.toString();
    }

    static String lv(String s) {
        return s == null ? "" : s;
    }

    static String joinHostPort(String host, long port) {
        String p = Long.toString(port);
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + p : host + ":" + p;
    }

    static void annotationsAndLabels(Map<String, String> ls, ObjectMeta meta, String resource) {
        if (meta.getLabels() != null) {
            meta.getLabels().forEach((k, v) -> {
                String ln = sanitize(k);
                ls.put(PREFIX + resource + "_label_" + ln, lv(v));
                ls.put(PREFIX + resource + "_labelpresent_" + ln, "true");
            });
        }
        if (meta.getAnnotations() != null) {
            meta.getAnnotations().forEach((k, v) -> {
                String ln = sanitize(k);
                ls.put(PREFIX + resource + "_annotation_" + ln, lv(v));
                ls.put(PREFIX + resource + "_annotationpresent_" + ln, "true");
            });
        }
    }

    static void objectMeta(Map<String, String> ls, ObjectMeta meta, String role) {
        ls.put(PREFIX + role + "_name", lv(meta.getName()));
        annotationsAndLabels(ls, meta, role);
    }

    static void nodeLabels(Map<String, String> ls, Lookups lookups, String nodeName) {
        if (nodeName == null) {
            return;
        }
        Node node = lookups.node(nodeName);
        if (node != null) {
            objectMeta(ls, node.getMetadata(), "node");
        }
    }

    static void namespaceLabels(Map<String, String> ls, Lookups lookups, String namespace) {
        Namespace ns = lookups.namespace(namespace);
        if (ns != null) {
            annotationsAndLabels(ls, ns.getMetadata(), "namespace");
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    // ---------------------------------------------------------------- pod

    static Map<String, String> podLabels(Pod pod) {
        Map<String, String> ls = new TreeMap<>();
        var status = pod.getStatus();
        ls.put(POD_IP, status == null ? "" : lv(status.getPodIP()));
        ls.put(POD_READY, podReady(pod));
        ls.put(POD_PHASE, status == null ? "" : lv(status.getPhase()));
        ls.put(POD_NODE_NAME, pod.getSpec() == null ? "" : lv(pod.getSpec().getNodeName()));
        ls.put(POD_HOST_IP, status == null ? "" : lv(status.getHostIP()));
        ls.put(POD_UID, lv(pod.getMetadata().getUid()));
        objectMeta(ls, pod.getMetadata(), "pod");
        for (OwnerReference ref : list(pod.getMetadata().getOwnerReferences())) {
            if (Boolean.TRUE.equals(ref.getController())) {
                ls.put(POD_CONTROLLER_KIND, lv(ref.getKind()));
                ls.put(POD_CONTROLLER_NAME, lv(ref.getName()));
                break;
            }
        }
        return ls;
    }

    static String podReady(Pod pod) {
        if (pod.getStatus() != null) {
            for (PodCondition c : list(pod.getStatus().getConditions())) {
                if ("Ready".equals(c.getType())) {
                    return lv(c.getStatus()).toLowerCase(Locale.ROOT);
                }
            }
        }
        return "unknown";
    }

    private static String containerId(List<ContainerStatus> statuses, String name) {
        for (ContainerStatus s : list(statuses)) {
            if (name.equals(s.getName())) {
                return lv(s.getContainerID());
            }
        }
        return "";
    }

    /** Role pod: one target per container port, or one per container without ports; none without a pod IP. */
    public static Group pod(Pod pod, Lookups lookups) {
        String source = "pod/" + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        String podIp = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        if (podIp == null || podIp.isEmpty()) {
            return new Group(source, Map.of(), List.of());
        }
        Map<String, String> ls = podLabels(pod);
        ls.put(NAMESPACE, lv(pod.getMetadata().getNamespace()));
        nodeLabels(ls, lookups, pod.getSpec() == null ? null : pod.getSpec().getNodeName());
        namespaceLabels(ls, lookups, pod.getMetadata().getNamespace());

        List<Map<String, String>> targets = new ArrayList<>();
        List<Container> containers = new ArrayList<>(list(pod.getSpec().getContainers()));
        int regular = containers.size();
        containers.addAll(list(pod.getSpec().getInitContainers()));
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            boolean init = i >= regular;
            String cid = containerId(init ? pod.getStatus().getInitContainerStatuses()
                    : pod.getStatus().getContainerStatuses(), lv(c.getName()));
            if (list(c.getPorts()).isEmpty()) {
                Map<String, String> t = new LinkedHashMap<>();
                t.put(ADDRESS, podIp);
                t.put(POD_CONTAINER_NAME, lv(c.getName()));
                t.put(POD_CONTAINER_ID, cid);
                t.put(POD_CONTAINER_IMAGE, lv(c.getImage()));
                t.put(POD_CONTAINER_INIT, Boolean.toString(init));
                targets.add(t);
                continue;
            }
            for (ContainerPort port : c.getPorts()) {
                long number = port.getContainerPort() == null ? 0 : port.getContainerPort();
                Map<String, String> t = new LinkedHashMap<>();
                t.put(ADDRESS, joinHostPort(podIp, number));
                t.put(POD_CONTAINER_NAME, lv(c.getName()));
                t.put(POD_CONTAINER_ID, cid);
                t.put(POD_CONTAINER_IMAGE, lv(c.getImage()));
                t.put(POD_CONTAINER_PORT_NUMBER, Long.toString(number));
                t.put(POD_CONTAINER_PORT_NAME, lv(port.getName()));
                t.put(POD_CONTAINER_PORT_PROTOCOL, lv(port.getProtocol()));
                t.put(POD_CONTAINER_INIT, Boolean.toString(init));
                targets.add(t);
            }
        }
        return new Group(source, ls, targets);
    }

    // ---------------------------------------------------------------- service

    static Map<String, String> serviceLabels(Service svc) {
        Map<String, String> ls = new TreeMap<>();
        ls.put(NAMESPACE, lv(svc.getMetadata().getNamespace()));
        objectMeta(ls, svc.getMetadata(), "service");
        return ls;
    }

    /** Role service: one target per service port, at {@code <name>.<namespace>.svc:<port>}. */
    public static Group service(Service svc, Lookups lookups) {
        String ns = svc.getMetadata().getNamespace();
        String name = svc.getMetadata().getName();
        Map<String, String> ls = serviceLabels(svc);
        namespaceLabels(ls, lookups, ns);
        List<Map<String, String>> targets = new ArrayList<>();
        var spec = svc.getSpec();
        String type = spec == null ? "" : lv(spec.getType());
        for (ServicePort port : spec == null ? List.<ServicePort>of() : list(spec.getPorts())) {
            long number = port.getPort() == null ? 0 : port.getPort();
            Map<String, String> t = new LinkedHashMap<>();
            t.put(ADDRESS, joinHostPort(name + "." + ns + ".svc", number));
            t.put(SERVICE_PORT_NAME, lv(port.getName()));
            t.put(SERVICE_PORT_NUMBER, Long.toString(number));
            t.put(SERVICE_PORT_PROTOCOL, lv(port.getProtocol()));
            t.put(SERVICE_TYPE, type);
            if ("ExternalName".equals(type)) {
                t.put(SERVICE_EXTERNAL_NAME, lv(spec.getExternalName()));
            } else {
                t.put(SERVICE_CLUSTER_IP, lv(spec.getClusterIP()));
            }
            if ("LoadBalancer".equals(type)) {
                t.put(SERVICE_LOADBALANCER_IP, lv(spec.getLoadBalancerIP()));
            }
            targets.add(t);
        }
        return new Group("svc/" + ns + "/" + name, ls, targets);
    }

    // ---------------------------------------------------------------- node

    /**
     * Role node: one target at the node's address (InternalIP, InternalDNS, ExternalIP, ExternalDNS, LegacyHostIP,
     * Hostname: the first type present) and the kubelet port; none without an address.
     */
    public static Group node(Node node) {
        String name = node.getMetadata().getName();
        Map<String, String> ls = new TreeMap<>();
        ls.put(NODE_PROVIDER_ID, node.getSpec() == null ? "" : lv(node.getSpec().getProviderID()));
        objectMeta(ls, node.getMetadata(), "node");
        Map<String, List<String>> byType = new LinkedHashMap<>();
        if (node.getStatus() != null) {
            for (NodeAddress a : list(node.getStatus().getAddresses())) {
                byType.computeIfAbsent(lv(a.getType()), k -> new ArrayList<>()).add(lv(a.getAddress()));
            }
        }
        String addr = null;
        for (String type : List.of("InternalIP", "InternalDNS", "ExternalIP", "ExternalDNS", "LegacyHostIP",
                "Hostname")) {
            if (byType.containsKey(type)) {
                addr = byType.get(type).get(0);
                break;
            }
        }
        if (addr == null) {
            return new Group("node/" + name, ls, List.of());
        }
        long port = 0;
        if (node.getStatus().getDaemonEndpoints() != null
            && node.getStatus().getDaemonEndpoints().getKubeletEndpoint() != null
            && node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort() != null) {
            port = node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort();
        }
        Map<String, String> t = new LinkedHashMap<>();
        t.put(ADDRESS, joinHostPort(addr, port));
        t.put(INSTANCE, lv(name));
        byType.forEach((type, addrs) -> t.put(sanitize(NODE_ADDRESS_PREFIX + type), addrs.get(0)));
        return new Group("node/" + name, ls, List.of(t));
    }

    // ---------------------------------------------------------------- endpoints, endpointslice (shared pod logic)

    /** Pods seen through endpoint addresses, with the ports already covered, in the order first seen. */
    private static final class SeenPods {
        final Map<String, Pod> pods = new LinkedHashMap<>();
        final Map<String, List<Integer>> ports = new LinkedHashMap<>();

        void add(Pod pod, Integer port) {
            String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
            pods.putIfAbsent(key, pod);
            ports.computeIfAbsent(key, k -> new ArrayList<>()).add(port);
        }

        /** Targets for the container ports of the seen pods that no endpoint port covered. */
        void uncoveredContainerPorts(List<Map<String, String>> targets) {
            for (Map.Entry<String, Pod> e : pods.entrySet()) {
                Pod pod = e.getValue();
                String podIp = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
                if (podIp == null || podIp.isEmpty()) {
                    continue;
                }
                List<Integer> covered = ports.get(e.getKey());
                List<Container> containers = new ArrayList<>(list(pod.getSpec().getContainers()));
                int regular = containers.size();
                containers.addAll(list(pod.getSpec().getInitContainers()));
                for (int i = 0; i < containers.size(); i++) {
                    Container c = containers.get(i);
                    for (ContainerPort cport : list(c.getPorts())) {
                        if (covered.contains(cport.getContainerPort())) {
                            continue;
                        }
                        long number = cport.getContainerPort() == null ? 0 : cport.getContainerPort();
                        Map<String, String> t = new TreeMap<>(podLabels(pod));
                        t.put(ADDRESS, joinHostPort(podIp, number));
                        t.put(POD_CONTAINER_NAME, lv(c.getName()));
                        t.put(POD_CONTAINER_IMAGE, lv(c.getImage()));
                        t.put(POD_CONTAINER_PORT_NAME, lv(cport.getName()));
                        t.put(POD_CONTAINER_PORT_NUMBER, Long.toString(number));
                        t.put(POD_CONTAINER_PORT_PROTOCOL, lv(cport.getProtocol()));
                        t.put(POD_CONTAINER_INIT, Boolean.toString(i >= regular));
                        targets.add(t);
                    }
                }
            }
        }
    }

    /** Adds pod labels and the labels of the container port matching {@code port} (if any) to {@code target}. */
    private static void podTarget(Map<String, String> target, Pod pod, Integer port, Function<ContainerPort,
            String> protocol) {
        target.putAll(podLabels(pod));
        if (port == null) {
            return;
        }
        List<Container> containers = new ArrayList<>(list(pod.getSpec().getContainers()));
        int regular = containers.size();
        containers.addAll(list(pod.getSpec().getInitContainers()));
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            for (ContainerPort cport : list(c.getPorts())) {
                if (port.equals(cport.getContainerPort())) {
                    target.put(POD_CONTAINER_NAME, lv(c.getName()));
                    target.put(POD_CONTAINER_IMAGE, lv(c.getImage()));
                    target.put(POD_CONTAINER_PORT_NAME, lv(cport.getName()));
                    target.put(POD_CONTAINER_PORT_NUMBER, Integer.toString(port));
                    target.put(POD_CONTAINER_PORT_PROTOCOL, protocol.apply(cport));
                    target.put(POD_CONTAINER_INIT, Boolean.toString(i >= regular));
                    break; // Prometheus breaks out of the port loop only: a later container may match too
                }
            }
        }
    }

    private static Pod podRef(ObjectReference ref, Lookups lookups) {
        if (ref == null || !"Pod".equals(ref.getKind())) {
            return null;
        }
        return lookups.pod(ref.getNamespace(), ref.getName());
    }

    /** Role endpoints: a target per address and port (ready and not ready), plus uncovered pod container ports. */
    public static Group endpoints(Endpoints eps, Lookups lookups, boolean nodeMetadata) {
        String ns = eps.getMetadata().getNamespace();
        String name = eps.getMetadata().getName();
        Map<String, String> ls = new TreeMap<>();
        ls.put(NAMESPACE, lv(ns));
        Service svc = lookups.service(ns, name);
        if (svc != null) {
            ls.putAll(serviceLabels(svc));
        }
        objectMeta(ls, eps.getMetadata(), "endpoints");
        namespaceLabels(ls, lookups, ns);

        List<Map<String, String>> targets = new ArrayList<>();
        SeenPods seen = new SeenPods();
        for (EndpointSubset ss : list(eps.getSubsets())) {
            for (EndpointPort port : list(ss.getPorts())) {
                for (EndpointAddress addr : list(ss.getAddresses())) {
                    endpointTarget(targets, seen, addr, port, "true", lookups, nodeMetadata);
                }
                for (EndpointAddress addr : list(ss.getNotReadyAddresses())) {
                    endpointTarget(targets, seen, addr, port, "false", lookups, nodeMetadata);
                }
            }
        }
        seen.uncoveredContainerPorts(targets);
        return new Group("endpoints/" + ns + "/" + name, ls, targets);
    }

    private static void endpointTarget(List<Map<String, String>> targets, SeenPods seen, EndpointAddress addr,
                                       EndpointPort port, String ready, Lookups lookups, boolean nodeMetadata) {
        Integer number = port.getPort();
        Map<String, String> t = new TreeMap<>();
        t.put(ADDRESS, joinHostPort(lv(addr.getIp()), number == null ? 0 : number));
        t.put(ENDPOINT_PORT_NAME, lv(port.getName()));
        t.put(ENDPOINT_PORT_PROTOCOL, lv(port.getProtocol()));
        t.put(ENDPOINT_READY, ready);
        ObjectReference ref = addr.getTargetRef();
        if (ref != null) {
            t.put(ENDPOINT_ADDRESS_TARGET_KIND, lv(ref.getKind()));
            t.put(ENDPOINT_ADDRESS_TARGET_NAME, lv(ref.getName()));
        }
        if (addr.getNodeName() != null) {
            t.put(ENDPOINT_NODE_NAME, addr.getNodeName());
        }
        if (addr.getHostname() != null && !addr.getHostname().isEmpty()) {
            t.put(ENDPOINT_HOSTNAME, addr.getHostname());
        }
        if (nodeMetadata) {
            if (addr.getNodeName() != null) {
                nodeLabels(t, lookups, addr.getNodeName());
            } else if (ref != null && "Node".equals(ref.getKind())) {
                nodeLabels(t, lookups, ref.getName());
            }
        }
        Pod pod = podRef(ref, lookups);
        if (pod != null) {
            seen.add(pod, number);
            // the endpoint port's protocol, as Prometheus' endpoints role does
            podTarget(t, pod, number, cport -> lv(port.getProtocol()));
        }
        targets.add(t);
    }

    /** Role endpointslice: a target per endpoint address and slice port, plus uncovered pod container ports. */
    public static Group endpointSlice(EndpointSlice eps, Lookups lookups, boolean nodeMetadata) {
        String ns = eps.getMetadata().getNamespace();
        Map<String, String> ls = new TreeMap<>();
        ls.put(NAMESPACE, lv(ns));
        ls.put(SLICE_ADDRESS_TYPE, lv(eps.getAddressType()));
        objectMeta(ls, eps.getMetadata(), "endpointslice");
        Map<String, String> labels = eps.getMetadata().getLabels();
        if (labels != null && labels.containsKey(SERVICE_NAME_LABEL)) {
            Service svc = lookups.service(ns, labels.get(SERVICE_NAME_LABEL));
            if (svc != null) {
                ls.putAll(serviceLabels(svc));
            }
        }
        namespaceLabels(ls, lookups, ns);

        List<Map<String, String>> targets = new ArrayList<>();
        SeenPods seen = new SeenPods();
        for (Endpoint ep : list(eps.getEndpoints())) {
            for (io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort port : list(eps.getPorts())) {
                for (String addr : list(ep.getAddresses())) {
                    Map<String, String> t = new TreeMap<>();
                    t.put(ADDRESS, port.getPort() != null ? joinHostPort(addr, port.getPort()) : addr);
                    if (port.getName() != null) {
                        t.put(SLICE_PORT_NAME, port.getName());
                    }
                    if (port.getProtocol() != null) {
                        t.put(SLICE_PORT_PROTOCOL, port.getProtocol());
                    }
                    if (port.getPort() != null) {
                        t.put(SLICE_PORT, Integer.toString(port.getPort()));
                    }
                    if (port.getAppProtocol() != null) {
                        t.put(SLICE_PORT_APP_PROTOCOL, port.getAppProtocol());
                    }
                    var cond = ep.getConditions();
                    if (cond != null && cond.getReady() != null) {
                        t.put(SLICE_READY, cond.getReady().toString());
                    }
                    if (cond != null && cond.getServing() != null) {
                        t.put(SLICE_SERVING, cond.getServing().toString());
                    }
                    if (cond != null && cond.getTerminating() != null) {
                        t.put(SLICE_TERMINATING, cond.getTerminating().toString());
                    }
                    if (ep.getHostname() != null) {
                        t.put(SLICE_HOSTNAME, ep.getHostname());
                    }
                    ObjectReference ref = ep.getTargetRef();
                    if (ref != null) {
                        t.put(SLICE_TARGET_KIND, lv(ref.getKind()));
                        t.put(SLICE_TARGET_NAME, lv(ref.getName()));
                    }
                    if (ep.getNodeName() != null) {
                        t.put(SLICE_NODE_NAME, ep.getNodeName());
                    }
                    if (ep.getZone() != null) {
                        t.put(SLICE_ZONE, ep.getZone());
                    }
                    if (ep.getDeprecatedTopology() != null) {
                        ep.getDeprecatedTopology().forEach((k, v) -> {
                            String ln = sanitize(k);
                            t.put(SLICE_TOPOLOGY + ln, lv(v));
                            t.put(SLICE_TOPOLOGY_PRESENT + ln, "true");
                        });
                    }
                    if (nodeMetadata) {
                        if (ref != null && "Node".equals(ref.getKind())) {
                            nodeLabels(t, lookups, ref.getName());
                        } else {
                            nodeLabels(t, lookups, ep.getNodeName());
                        }
                    }
                    Pod pod = podRef(ref, lookups);
                    if (pod != null) {
                        seen.add(pod, port.getPort());
                        podTarget(t, pod, port.getPort(), cport -> lv(cport.getProtocol()));
                    }
                    targets.add(t);
                }
            }
        }
        seen.uncoveredContainerPorts(targets);
        return new Group("endpointslice/" + ns + "/" + eps.getMetadata().getName(), ls, targets);
    }
}
