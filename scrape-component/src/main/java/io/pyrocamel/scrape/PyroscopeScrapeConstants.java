package io.pyrocamel.scrape;

import org.apache.camel.spi.Metadata;

import io.pyrocamel.core.PyroscopeConstants;

/**
 * Headers of the exchanges a {@code pyroscope-scrape} consumer creates, one per scraped profile. The body is a
 * {@link io.pyrocamel.core.PushProfile}.
 *
 * @since 0.1.0
 */
public final class PyroscopeScrapeConstants {

    @Metadata(description = "The kind of profile in the body: always PUSH (labels and one pprof sample).",
              javaType = "io.pyrocamel.core.ProfileKind")
    public static final String PROFILE_KIND = PyroscopeConstants.PROFILE_KIND;

    @Metadata(description = "The profile type, the __name__ label: process_cpu, memory, goroutine, mutex, block,"
                            + " fgprof or a custom name.",
              javaType = "String")
    public static final String PROFILE_TYPE = PyroscopeConstants.PROFILE_TYPE;

    @Metadata(description = "The service_name label of the profile (given by the target or inferred).",
              javaType = "String")
    public static final String SERVICE_NAME = PyroscopeConstants.SERVICE_NAME;

    @Metadata(description = "The URL the profile was scraped from.", javaType = "String")
    public static final String SCRAPE_URL = "CamelPyroscopeScrapeUrl";

    private PyroscopeScrapeConstants() {
    }
}
