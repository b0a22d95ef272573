package io.pyrocamel.core;

import org.apache.camel.spi.Metadata;

/**
 * Camel message headers that travel with a profile. The body of a profile exchange is a {@link PushProfile} or an
 * {@link IngestProfile}; these headers carry what is not part of the profile itself.
 */
public final class PyroscopeConstants {

    /**
     * Tenant id. Named like the HTTP header so that it travels from receive to write unchanged (SPEC.md §12.1).
     */
    @Metadata(description = "The Pyroscope tenant (X-Scope-OrgID). Set by pyroscope-receive-http from the request;"
                            + " sent by pyroscope-write unless the write endpoint configures its own.",
              javaType = "String")
    public static final String TENANT_ID = "X-Scope-OrgID";

    @Metadata(description = "The kind of profile in the body: PUSH (labels + pprof samples) or INGEST (an /ingest"
                            + " request body).",
              javaType = "io.pyrocamel.core.ProfileKind")
    public static final String PROFILE_KIND = "CamelPyroscopeProfileKind";

    @Metadata(description = "The profile type (the __name__ label, e.g. process_cpu, memory), for routing with"
                            + " choice/filter without touching the body.",
              javaType = "String")
    public static final String PROFILE_TYPE = "CamelPyroscopeProfileType";

    @Metadata(description = "The service_name of the profile. For a raw body (a file) the store uses it as the"
                            + " service name.",
              javaType = "String")
    public static final String SERVICE_NAME = "CamelPyroscopeServiceName";

    @Metadata(description = "The caller's deadline for delivering the profile (Alloy: the request context's deadline), as"
                            + " a java.time.Instant or epoch milliseconds. pyroscope-receive-http sets it from the"
                            + " client's Connect-Timeout-Ms; pyroscope-write gives each attempt min(remoteTimeout,"
                            + " time left) and starts no retry after it.",
              javaType = "java.time.Instant")
    public static final String DEADLINE = "CamelPyroscopeDeadline";

    @Metadata(description = "Where a stored profile was written (absolute path), set by pyroscope-store.",
              javaType = "String")
    public static final String STORED_FILE = "CamelPyroscopeStoredFile";

    private PyroscopeConstants() {
    }
}
