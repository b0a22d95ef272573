package io.pyrocamel.scrape.discovery.http;

import org.apache.camel.spi.Metadata;

import io.pyrocamel.scrape.support.DiscoveryConsumerSupport;

/**
 * Headers of the exchanges a {@code discovery-http} consumer creates. The body is the complete target list, a
 * {@code List<io.pyrocamel.core.Target>}.
 *
 * @since 0.1.0
 */
public final class DiscoveryHttpConstants {

    @Metadata(description = "The number of targets in the body.", javaType = "int")
    public static final String TARGET_COUNT = DiscoveryConsumerSupport.TARGET_COUNT;

    private DiscoveryHttpConstants() {
    }
}
