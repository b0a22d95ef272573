package io.pyrocamel.receive;

import org.apache.camel.spi.Metadata;

import io.pyrocamel.core.PyroscopeConstants;

/**
 * The headers {@code pyroscope-receive-http} sets on every exchange it creates. The names are the shared ones of
 * {@link PyroscopeConstants}, so they reach {@code pyroscope-write} unchanged.
 *
 * @since 0.1.0
 */
public final class PyroscopeReceiveHttpConstants {

    @Metadata(description = "The tenant from the request's X-Scope-OrgID header; absent when the request had none."
                            + " pyroscope-write sends it on unless its endpoint configures its own.",
              javaType = "String")
    public static final String TENANT_ID = PyroscopeConstants.TENANT_ID;

    @Metadata(description = "PUSH for a series of a Connect Push request (body: PushProfile), INGEST for an /ingest"
                            + " request (body: IngestProfile).",
              javaType = "io.pyrocamel.core.ProfileKind")
    public static final String PROFILE_KIND = PyroscopeConstants.PROFILE_KIND;

    @Metadata(description = "The __name__ label of the profile: the profile type of a pushed series (e.g."
                            + " process_cpu), the application name of an /ingest request (e.g. my-app.cpu).",
              javaType = "String")
    public static final String PROFILE_TYPE = PyroscopeConstants.PROFILE_TYPE;

    @Metadata(description = "The service_name label of the profile after the service_name rule.",
              javaType = "String")
    public static final String SERVICE_NAME = PyroscopeConstants.SERVICE_NAME;

    @Metadata(description = "Connect push only: when the client sent Connect-Timeout-Ms, the instant its deadline"
                            + " passes; pyroscope-write bounds its attempts and retries by it.",
              javaType = "java.time.Instant")
    public static final String DEADLINE = PyroscopeConstants.DEADLINE;

    private PyroscopeReceiveHttpConstants() {
    }
}
