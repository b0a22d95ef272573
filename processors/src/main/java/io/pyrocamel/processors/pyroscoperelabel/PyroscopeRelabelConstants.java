package io.pyrocamel.processors.pyroscoperelabel;

import org.apache.camel.spi.Metadata;

/**
 * Headers and defaults of {@code pyroscope-relabel}.
 *
 * @since 0.1.0
 */
public final class PyroscopeRelabelConstants {

    @Metadata(description = "Set to true when the step dropped the profile (a rule dropped it, or no label remained);"
                            + " the exchange is then stopped (routeStop), so only onCompletion, event notifiers or the"
                            + " caller of a multicast/enrich see it.",
              javaType = "Boolean")
    public static final String DROPPED = "CamelPyroscopeRelabelDropped";

    /** Alloy's {@code max_cache_size} default. */
    public static final int DEFAULT_MAX_CACHE_SIZE = 10_000;

    private PyroscopeRelabelConstants() {
    }
}
