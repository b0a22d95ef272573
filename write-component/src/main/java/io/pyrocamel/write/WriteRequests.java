package io.pyrocamel.write;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pyrocamel.core.IngestName;
import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.core.http.GoUrls;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.types.v1.LabelPair;

/** What goes on the wire for a profile (SPEC.md §4.3 push, §2.5 ingest). Pure functions. */
final class WriteRequests {

    static final String PUSH_PROCEDURE = "/push.v1.PusherService/Push";
    static final String INGEST_PATH = "/ingest";

    private WriteRequests() {
    }

    /**
     * The labels a push sends: validated, {@code __} labels dropped except {@code __name__} and {@code __delta__},
     * external labels set (an empty value removes).
     */
    static Labels pushLabels(Labels labels, Map<String, String> externalLabels) {
        validate(labels);
        Labels l = labels.withoutReserved(LabelNames.NAME, LabelNames.DELTA);
        for (Map.Entry<String, String> e : externalLabels.entrySet()) {
            l = l.with(e.getKey(), e.getValue());
        }
        return l;
    }

    /** One PushRequest with one series. */
    static PushRequest pushRequest(PushProfile profile, Map<String, String> externalLabels) {
        Labels labels = pushLabels(profile.labels(), externalLabels);
        RawProfileSeries.Builder series = RawProfileSeries.newBuilder();
        labels.forEach((n, v) -> series.addLabels(LabelPair.newBuilder().setName(n).setValue(v)));
        for (RawSample s : profile.samples()) {
            series.addSamples(io.pyrocamel.core.proto.push.v1.RawSample.newBuilder()
                    .setRawProfile(s.rawProfile()).setID(s.id()));
        }
        return PushRequest.newBuilder().addSeries(series).build();
    }

    /**
     * The labels behind the ingest {@code name}: {@code service_name} (when set) becomes {@code __name__}; nothing is
     * stripped; external labels set.
     */
    static Labels ingestLabels(Labels labels, Map<String, String> externalLabels) {
        Labels l = labels;
        String service = l.get(LabelNames.SERVICE_NAME);
        if (service != null && !service.isEmpty()) {
            l = l.with(LabelNames.NAME, service);
        }
        validate(l);
        for (Map.Entry<String, String> e : externalLabels.entrySet()) {
            l = l.with(e.getKey(), e.getValue());
        }
        return l;
    }

    /** {@code <url>/push.v1.PusherService/Push}: trailing slashes of the URL trimmed, base path kept. */
    static URI pushUri(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return URI.create(u + PUSH_PROCEDURE);
    }

    /**
     * The /ingest URI: the endpoint's scheme and authority, its path joined with {@code /ingest} (Go's
     * {@code path.Join}), and the profile's query without {@code name} plus the rebuilt {@code name}, keys sorted,
     * Go's query encoding. The endpoint URL's own query is dropped, as upstream.
     */
    static URI ingestUri(URI base, IngestProfile profile, Labels labels) {
        Map<String, List<String>> q = new TreeMap<>(profile.queryWithoutName());
        q.put("name", List.of(IngestName.format(labels)));
        StringBuilder query = new StringBuilder();
        q.forEach((k, values) -> {
            for (String v : values) {
                if (query.length() > 0) {
                    query.append('&');
                }
                query.append(GoUrls.queryEscape(k)).append('=').append(GoUrls.queryEscape(v));
            }
        });
        String path = joinPath(base.getRawPath(), INGEST_PATH);
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "?" + query);
    }

    /** Go's {@code path.Join(a, b)} for an absolute result. */
    static String joinPath(String a, String b) {
        return GoUrls.cleanPath((a == null ? "" : a) + "/" + b);
    }


    /** SPEC.md §4.2: an empty set is refused ("service name is required"); names/values are valid by construction. */
    static void validate(Labels labels) {
        if (labels.isEmpty()) {
            throw new InvalidLabelException(LabelNames.SERVICE_NAME,
                    "invalid labels in profile: service name is required");
        }
    }

    static ByteBuffer bytes(PushRequest request) {
        return ByteBuffer.wrap(request.toByteArray());
    }
}
