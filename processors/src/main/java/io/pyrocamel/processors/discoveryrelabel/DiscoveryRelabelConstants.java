package io.pyrocamel.processors.discoveryrelabel;

import org.apache.camel.spi.Metadata;

/**
 * Headers of {@code discovery-relabel}.
 *
 * @since 0.1.0
 */
public final class DiscoveryRelabelConstants {

    @Metadata(description = "How many targets came in.", javaType = "Integer")
    public static final String TARGETS_IN = "CamelDiscoveryRelabelTargetsIn";

    @Metadata(description = "How many targets were removed (dropped by a rule, or left without labels).",
              javaType = "Integer")
    public static final String TARGETS_DROPPED = "CamelDiscoveryRelabelTargetsDropped";

    private DiscoveryRelabelConstants() {
    }
}
