package io.pyrocamel.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.proto.push.v1.PushRequest;

/**
 * One request the {@link PyroscopeDouble} received, with what it made of it.
 *
 * @param method        HTTP method
 * @param path          path
 * @param rawQuery      raw query string ({@code null} when none)
 * @param query         decoded query parameters
 * @param protocol      {@code HTTP/1.1} or {@code HTTP/2.0}
 * @param headers       headers, names lower-cased, values in order
 * @param body          body bytes as received (before any Content-Encoding is undone)
 * @param push          the decoded PushRequest (push path, when decodable)
 * @param ingestLabels  labels parsed from {@code name} (ingest path, when valid)
 * @param tenant        the X-Scope-OrgID, or {@code null}
 * @param sniNames      server names the client sent in TLS SNI (empty without TLS or SNI)
 * @param clientCerts   the client certificate chain (empty without mutual TLS)
 * @param status        the status the double answered ({@code 0} when it stalled or closed)
 * @param replyKind     how it answered
 */
public record ReceivedRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                              String protocol, Map<String, List<String>> headers, byte[] body, PushRequest push,
                              Labels ingestLabels, String tenant, List<String> sniNames,
                              List<X509Certificate> clientCerts, int status, Reply.Kind replyKind) {

    /** First value of a header (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public List<String> headerValues(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    public String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public boolean isPush() {
        return path.endsWith(PyroscopeDouble.PUSH_PATH);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The labels of the first series as a Labels value (push path). */
    public Labels pushLabels() {
        Labels.Builder b = Labels.builder();
        push.getSeries(0).getLabelsList().forEach(l -> b.set(l.getName(), l.getValue()));
        return b.build();
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " " + protocol + " -> " + status
               + " (" + replyKind + ")";
    }
}
