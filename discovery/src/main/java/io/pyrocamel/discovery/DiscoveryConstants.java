package io.pyrocamel.discovery;

import org.apache.camel.spi.Metadata;

/**
 * Headers of the messages a discovery consumer emits. The body is a {@link io.pyrocamel.core.TargetSet} named after
 * the endpoint; the header names are those of the {@code targets:} consumer, so a route reads both the same way.
 *
 * @since 0.1.0
 */
public final class DiscoveryConstants {

    @Metadata(description = "The version of the target list in the body: 1 for the first list the consumer emits, one"
                            + " more for every changed list after it.",
              javaType = "long")
    public static final String VERSION = "CamelPyroscopeTargetSetVersion";

    @Metadata(description = "The number of targets in the list.", javaType = "int")
    public static final String SIZE = "CamelPyroscopeTargetSetSize";

    private DiscoveryConstants() {
    }
}
