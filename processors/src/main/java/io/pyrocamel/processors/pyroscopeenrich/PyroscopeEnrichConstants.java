package io.pyrocamel.processors.pyroscopeenrich;

import org.apache.camel.spi.Metadata;

/**
 * Headers of {@code pyroscope-enrich}.
 *
 * @since 0.1.0
 */
public final class PyroscopeEnrichConstants {

    @Metadata(description = "Whether the profile matched a target (and was enriched).", javaType = "Boolean")
    public static final String MATCHED = "CamelPyroscopeEnrichMatched";

    private PyroscopeEnrichConstants() {
    }
}
