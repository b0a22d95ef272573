package io.pyrocamel.receive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;

import io.pyrocamel.core.IngestFormat;
import io.pyrocamel.core.IngestName;
import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.Labels;

/**
 * Turns a {@code POST /ingest} request into an {@link IngestProfile} (SPEC.md §2.4): the {@code name} query parsed
 * into labels plus the service_name rule, the body and Content-Type untouched, the query kept. The body itself is
 * never converted; only what a Pyroscope server would reject outright is refused here, with 400: no or a bad
 * {@code name}, an empty pprof/JFR body, a multipart body without its boundary or its required part.
 */
final class IngestRequests {

    private IngestRequests() {
    }

    static IngestProfile decode(ReceivedRequest r) throws ReceiveException {
        QueryStringDecoder q = new QueryStringDecoder(r.uri());
        Map<String, List<String>> query = new LinkedHashMap<>(q.parameters());
        List<String> names = query.get("name");
        String name = names == null || names.isEmpty() ? "" : names.get(0);
        if (name.isBlank()) {
            throw bad("service name is required: the name query parameter is missing or empty (e.g."
                      + " ?name=my-app.cpu{env=prod})");
        }
        Labels labels;
        try {
            labels = ServiceNameRule.apply(IngestName.parse(name));
        } catch (InvalidLabelException e) {
            throw bad("invalid name query: " + e.getMessage());
        }
        List<String> types = r.headers().getAll(HttpHeaderNames.CONTENT_TYPE);
        String contentType = types.isEmpty() ? "" : types.get(0);
        String format = query.containsKey("format") && !query.get("format").isEmpty() ? query.get("format").get(0)
                : "";
        IngestFormat f = IngestFormat.detect(format, contentType);
        byte[] body = r.body();
        boolean multipart = IngestFormat.isMultipart(contentType);
        if (f == IngestFormat.JFR || f == IngestFormat.PPROF || f == IngestFormat.PPROF_FORM) {
            if (body.length == 0) {
                throw bad("empty body: format " + f.queryValue() + " needs a profile");
            }
        }
        if (f == IngestFormat.JFR && multipart) {
            checkForm(body, contentType, "jfr", "JFR");
        } else if (f == IngestFormat.PPROF_FORM) {
            List<Multipart.Part> parts = checkForm(body, contentType, "profile", "pprof");
            for (Multipart.Part p : parts) {
                if ("prev_profile".equals(p.name())) {
                    throw bad("the pprof form has a prev_profile part, which Pyroscope rejects: send deltas");
                }
            }
        }
        return new IngestProfile(labels, ByteString.copyFrom(body), contentType, query);
    }

    private static List<Multipart.Part> checkForm(byte[] body, String contentType, String required, String what)
            throws ReceiveException {
        String boundary = Multipart.boundary(contentType);
        if (boundary == null) {
            throw bad("multipart/form-data Content-Type without a valid boundary parameter");
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(body, boundary);
        } catch (IllegalArgumentException e) {
            throw bad("malformed multipart body: " + e.getMessage());
        }
        for (Multipart.Part p : parts) {
            if (required.equals(p.name())) {
                if (p.end() == p.start()) {
                    throw bad("the " + what + " form's \"" + required + "\" part is empty");
                }
                return parts;
            }
        }
        throw bad("the " + what + " form has no \"" + required + "\" part");
    }

    private static ReceiveException bad(String message) {
        return new ReceiveException(ConnectCode.INVALID_ARGUMENT, message);
    }
}
