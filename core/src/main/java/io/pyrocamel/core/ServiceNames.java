package io.pyrocamel.core;

/**
 * Service-name inference for targets without a {@code service_name} label (SPEC.md §8.2 step 7, §9, §10).
 *
 * <p>Precedence: {@code __meta_kubernetes_pod_annotation_pyroscope_io_service_name}; else
 * {@code <prefix><__meta_kubernetes_namespace>/<__meta_kubernetes_pod_container_name>} (both non-empty); else
 * {@code __meta_docker_container_name}; else {@code __meta_dockerswarm_container_label_service_name}; else
 * {@code __meta_dockerswarm_service_name}; else {@code unspecified}.
 */
public final class ServiceNames {

    public static final String K8S_ANNOTATION = "__meta_kubernetes_pod_annotation_pyroscope_io_service_name";
    public static final String K8S_NAMESPACE = "__meta_kubernetes_namespace";
    public static final String K8S_CONTAINER = "__meta_kubernetes_pod_container_name";
    public static final String DOCKER_NAME = "__meta_docker_container_name";
    public static final String SWARM_LABEL = "__meta_dockerswarm_container_label_service_name";
    public static final String SWARM_SERVICE = "__meta_dockerswarm_service_name";
    public static final String UNSPECIFIED = "unspecified";

    /** The flavours of inference: the namespace/container prefix differs per component. */
    public enum Flavor {
        /** pyroscope.scrape: {@code ns/container}. */
        SCRAPE(""),
        /** pyroscope.java: {@code java/ns/container}. */
        JAVA("java/"),
        /** pyroscope.ebpf: {@code ebpf/ns/container}. */
        EBPF("ebpf/");

        private final String prefix;

        Flavor(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private ServiceNames() {
    }

    /** The service name of the target: its own {@code service_name} when non-empty, else the inferred one. */
    public static String of(Labels target, Flavor flavor) {
        String own = target.get(LabelNames.SERVICE_NAME);
        return own != null ? own : infer(target, flavor);
    }

    /** The inferred service name, ignoring any {@code service_name} the target has. */
    public static String infer(Labels target, Flavor flavor) {
        String v = target.get(K8S_ANNOTATION);
        if (v != null) {
            return v;
        }
        String ns = target.get(K8S_NAMESPACE);
        String container = target.get(K8S_CONTAINER);
        if (ns != null && container != null) {
            return flavor.prefix() + ns + "/" + container;
        }
        for (String name : new String[] {DOCKER_NAME, SWARM_LABEL, SWARM_SERVICE}) {
            v = target.get(name);
            if (v != null) {
                return v;
            }
        }
        return UNSPECIFIED;
    }
}
