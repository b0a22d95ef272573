package io.pyrocamel.receive;

/**
 * The validated, immutable options of one receiver, made from the endpoint's options when it initializes.
 *
 * @param name            the endpoint name (thread names, log lines, the metrics' {@code component_id})
 * @param listenAddress   address to bind, {@code ""} for all interfaces
 * @param listenPort      port to bind, 0 for a free one
 * @param connLimit       most accepted connections at once, 0 for no limit
 * @param readTimeoutMs   longest time to read one request (headers and body), 0 for none
 * @param writeTimeoutMs  longest time from a request read to its response, 0 for none
 * @param idleTimeoutMs   longest a kept-alive connection waits for its next request, 0 for none
 * @param maxBodySize     largest request body in bytes (also the gunzipped size of a Connect body)
 * @param tls             TLS options, or {@code null} for plain HTTP (and h2c)
 */
record ReceiveSettings(String name, String listenAddress, int listenPort, int connLimit, long readTimeoutMs,
                       long writeTimeoutMs, long idleTimeoutMs, int maxBodySize, TlsSettings tls) {

    /** The value of the {@code component_id} tag of the metrics: Alloy's component id. */
    String componentId() {
        return "pyroscope.receive_http." + name;
    }
}
