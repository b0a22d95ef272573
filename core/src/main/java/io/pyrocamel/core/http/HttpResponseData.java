package io.pyrocamel.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response as {@link PyroHttpClient} returns it: status, headers, and the start of the body (at most the limit the
 * request asked for; the rest is read and discarded so the connection stays reusable).
 *
 * @param status    HTTP status code
 * @param reason    reason phrase (empty for HTTP/2)
 * @param protocol  protocol of the response, e.g. {@code HTTP/1.1} or {@code HTTP/2.0}
 * @param headers   response headers, names lower-cased
 * @param body      the first bytes of the body
 * @param truncated true when the body was longer than what was kept
 */
public record HttpResponseData(int status, String reason, String protocol, Map<String, List<String>> headers,
                               byte[] body, boolean truncated) {

    /** First value of a header (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
