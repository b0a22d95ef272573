package io.pyrocamel.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.ByteString;

/**
 * Labels plus an untouched {@code /ingest} request (SPEC.md §0 "ingest profile", §2): body, content type, and the
 * original query. Written to {@code /ingest} with the {@code name} query rebuilt from the (relabelled) labels.
 *
 * @param labels      labels parsed from {@code name} (SPEC.md §2.2), possibly relabelled
 * @param body        request body exactly as received
 * @param contentType the request's Content-Type (may be {@code ""}); multipart boundaries live here
 * @param query       the original query parameters in arrival order (including {@code name}); immutable
 */
public record IngestProfile(Labels labels, ByteString body, String contentType, Map<String, List<String>> query)
        implements Profile {

    public IngestProfile {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(body, "body");
        contentType = contentType == null ? "" : contentType;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        query = Collections.unmodifiableMap(copy);
    }

    @Override
    public IngestProfile withLabels(Labels newLabels) {
        return new IngestProfile(newLabels, body, contentType, query);
    }

    /** First value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The {@code format} query value, lower-cased, or {@code ""} when absent. The effective format is decided with the
     * content type as SPEC.md §2.3 describes ({@link IngestFormat#detect}).
     */
    public String formatParam() {
        String f = queryParam("format");
        return f == null ? "" : f.toLowerCase(java.util.Locale.ROOT);
    }

    public IngestFormat format() {
        return IngestFormat.detect(formatParam(), contentType);
    }

    /** The query without {@code name}, for forwarding; keys in arrival order. */
    public Map<String, List<String>> queryWithoutName() {
        Map<String, List<String>> m = new LinkedHashMap<>(query);
        m.remove("name");
        return m;
    }

    @Override
    public long payloadSize() {
        return body.size();
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.INGEST;
    }

    /** Builder-style helper for tests and receivers. */
    public static IngestProfile of(Labels labels, byte[] body, String contentType, String... queryPairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < queryPairs.length; i += 2) {
            q.computeIfAbsent(queryPairs[i], k -> new ArrayList<>()).add(queryPairs[i + 1]);
        }
        return new IngestProfile(labels, ByteString.copyFrom(body), contentType, q);
    }

    @Override
    public String toString() {
        return "IngestProfile" + labels + "[" + body.size() + " bytes, " + format() + "]";
    }
}
