package io.pyrocamel.receive;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * What the receiver keeps of one HTTP request once camel-netty-http hands it over: the method, URI, a copy of the
 * headers and the body bytes (copied out of Netty's buffer, so the request can be worked on off the event loop).
 */
record ReceivedRequest(String method, String uri, ReceiveRoute route, HttpHeaders headers, byte[] body,
                       boolean keepAlive, long startNanos) {

    /** The first value of a header, or {@code null}. */
    String header(CharSequence name) {
        return headers.get(name);
    }
}
