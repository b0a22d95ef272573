package io.pyrocamel.app.management;

import java.net.URI;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Guards the management server against a web page in the operator's browser talking to it:
 * <ul>
 * <li>a request that carries an {@code Origin} header from another origin than the server's own (cross-site request
 * forgery against {@code /hawtio/jolokia}) is refused with 403;</li>
 * <li>when bound to loopback (no login), a request whose {@code Host} is not a loopback name or address is refused with
 * 421 (DNS rebinding: a foreign name resolving to 127.0.0.1).</li>
 * </ul>
 * Jolokia's own CORS "strict checking" would refuse clients that send no {@code Origin} at all (curl, Prometheus), so
 * the check lives here instead. Behind a reverse proxy, an {@code Origin} naming the {@code X-Forwarded-Host} is
 * accepted too.
 */
final class OriginGuardHandler extends Handler.Wrapper {

    private final boolean loopbackOnly;

    OriginGuardHandler(boolean loopbackOnly, Handler handler) {
        super(handler);
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (loopbackOnly && host != null && !isLoopbackHost(hostName(host))) {
            Response.writeError(request, response, callback, HttpStatus.MISDIRECTED_REQUEST_421,
                    "the management server only answers to loopback host names");
            return true;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !"null".equals(origin) && host != null && !sameOrigin(origin, host, request)
            && !forwardedHostMatches(origin, request)) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "cross-origin request refused");
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static boolean sameOrigin(String origin, String host, Request request) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int originPort = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
            String hostName = hostName(host);
            int hostPort = hostPort(host, request.isSecure() ? 443 : 80);
            return normalize(uri.getHost()).equals(normalize(hostName)) && originPort == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Behind a reverse proxy that rewrites {@code Host}, the browser's origin is the proxy's: accept it when it names the
     * host of {@code X-Forwarded-Host}. (A cross-site page cannot add that header without a CORS preflight, and the
     * preflight itself carries the foreign {@code Origin} and is refused here.)
     */
    private static boolean forwardedHostMatches(String origin, Request request) {
        String forwarded = request.getHeaders().get("X-Forwarded-Host");
        if (forwarded == null) {
            return false;
        }
        try {
            String originHost = URI.create(origin).getHost();
            if (originHost == null) {
                return false;
            }
            for (String h : forwarded.split(",")) {
                if (normalize(hostName(h)).equals(normalize(originHost))) {
                    return true;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    static boolean isLoopbackHost(String name) {
        String n = normalize(name);
        return n.equals("localhost") || n.endsWith(".localhost") || n.equals("::1") || n.equals("0:0:0:0:0:0:0:1")
               || n.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n;
    }

    static String hostName(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }

    private static int hostPort(String hostHeader, int defaultPort) {
        String h = hostHeader.trim();
        int bracket = h.lastIndexOf(']');
        int colon = h.lastIndexOf(':');
        if (colon > bracket) {
            try {
                return Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return defaultPort;
    }
}
