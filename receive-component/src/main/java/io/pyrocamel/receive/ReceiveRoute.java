package io.pyrocamel.receive;

import java.net.URI;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The paths the receiver serves, with the {@code route} label of the request metrics (dskit's path template with
 * non-alphanumerics replaced by {@code _}, SPEC.md §5.4).
 */
enum ReceiveRoute {
    INGEST("ingest"),
    PUSH("push_v1_pusherservice"),
    /** Another method of the Connect service: Connect answers 404. */
    PUSH_OTHER("push_v1_pusherservice"),
    NOT_FOUND("notfound");

    static final String INGEST_PATH = "/ingest";
    static final String PUSH_SERVICE_PREFIX = "/push.v1.PusherService/";
    static final String PUSH_PATH = PUSH_SERVICE_PREFIX + "Push";

    private final String metricName;

    ReceiveRoute(String metricName) {
        this.metricName = metricName;
    }

    String metricName() {
        return metricName;
    }

    /** The route of a request URI (origin form {@code /path?query} or absolute form {@code http://host/path}). */
    static ReceiveRoute of(String uri) {
        String path = path(uri);
        if (path.equals(INGEST_PATH)) {
            return INGEST;
        }
        if (path.equals(PUSH_PATH)) {
            return PUSH;
        }
        if (path.startsWith(PUSH_SERVICE_PREFIX)) {
            return PUSH_OTHER;
        }
        return NOT_FOUND;
    }

    static String path(String uri) {
        String u = uri;
        if (!u.startsWith("/")) {
            try {
                String p = URI.create(u).getRawPath();
                u = p == null || p.isEmpty() ? "/" : p;
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return new QueryStringDecoder(u).path();
    }
}
