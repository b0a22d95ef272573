package io.pyrocamel.discovery.kubernetes;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The roles of Prometheus' Kubernetes SD, and which selector roles each allows.
 *
 * @since 0.1.0
 */
public enum KubernetesRole {
    POD("pod"),
    SERVICE("service"),
    ENDPOINTS("endpoints"),
    ENDPOINTSLICE("endpointslice"),
    NODE("node"),
    INGRESS("ingress");

    private final String value;

    KubernetesRole(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The role for an option value, or null. */
    public static KubernetesRole of(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (KubernetesRole r : values()) {
            if (r.value.equals(v)) {
                return r;
            }
        }
        return null;
    }

    /** The selector roles allowed with this role (Prometheus' SDConfig validation). */
    public Set<KubernetesRole> allowedSelectorRoles() {
        return switch (this) {
            case ENDPOINTS -> Set.of(POD, SERVICE, ENDPOINTS);
            case ENDPOINTSLICE -> Set.of(POD, SERVICE, ENDPOINTSLICE);
            default -> Set.of(this);
        };
    }

    /** The roles pyrocamel implements. */
    public static final List<KubernetesRole> SUPPORTED = List.of(POD, SERVICE, ENDPOINTS, ENDPOINTSLICE, NODE);

    @Override
    public String toString() {
        return value;
    }
}
