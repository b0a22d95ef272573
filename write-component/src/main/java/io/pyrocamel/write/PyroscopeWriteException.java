package io.pyrocamel.write;

import java.io.IOException;

/**
 * A profile could not be written to an endpoint: after the retries allowed, or at once for an error that is not
 * retried. The message has Alloy's form: {@code failed to push to endpoint <url> (<n> retries): <cause>} (or
 * {@code failed to ingest to endpoint ...}), with the server's message in the cause text. It never holds secrets.
 */
public class PyroscopeWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String endpointUrl;
    private final int retries;
    private final int statusCode;
    private final String connectCode;
    private final boolean retryable;

    public PyroscopeWriteException(String message, String endpointUrl, int retries, int statusCode, String connectCode,
                                   boolean retryable, Throwable cause) {
        super(message, cause);
        this.endpointUrl = endpointUrl;
        this.retries = retries;
        this.statusCode = statusCode;
        this.connectCode = connectCode;
        this.retryable = retryable;
    }

    /** The endpoint URL (the {@code endpoint} label of the metrics). */
    public String getEndpointUrl() {
        return endpointUrl;
    }

    /** Retries made after the first attempt. */
    public int getRetries() {
        return retries;
    }

    /** HTTP status of the last answer, or 0 when there was none (connection error, timeout). */
    public int getStatusCode() {
        return statusCode;
    }

    /** Connect error code of the last push attempt ({@code unavailable}, {@code invalid_argument}...), or null. */
    public String getConnectCode() {
        return connectCode;
    }

    /** Whether the last error was of a retryable kind (the retries ran out or the deadline passed). */
    public boolean isRetryable() {
        return retryable;
    }
}
