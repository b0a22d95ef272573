package io.pyrocamel.write;

import org.apache.camel.spi.Metadata;

import io.pyrocamel.core.PyroscopeConstants;

/** Message headers pyroscope-write reads. */
public final class PyroscopeWriteConstants {

    @Metadata(description = "The Pyroscope tenant, sent as X-Scope-OrgID unless the endpoint sets its own"
                            + " X-Scope-OrgID in headers or httpHeaders.",
              javaType = "String")
    public static final String TENANT_ID = PyroscopeConstants.TENANT_ID;

    @Metadata(description = "The caller's deadline (Alloy: the request context's deadline), as a java.time.Instant or"
                            + " epoch milliseconds. Each attempt gets min(remoteTimeout, time left); no retry starts"
                            + " after it. pyroscope-receive-http can set it from the client's Connect-Timeout-Ms.",
              javaType = "java.time.Instant")
    public static final String DEADLINE = PyroscopeConstants.DEADLINE;

    @Metadata(description = "For a raw pprof body (a file): the service_name label; else the file name gives it.",
              javaType = "String")
    public static final String SERVICE_NAME = PyroscopeConstants.SERVICE_NAME;

    @Metadata(description = "For a raw pprof body (a file): the __name__ label; else the pprof sample types give it.",
              javaType = "String")
    public static final String PROFILE_TYPE = PyroscopeConstants.PROFILE_TYPE;

    private PyroscopeWriteConstants() {
    }
}
