package io.pyrocamel.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;

import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.Pprof;

/**
 * The fields of a {@code multipart/form-data} body (RFC 7578), parsed with Apache James mime4j's streaming parser.
 * Only top-level parts with a {@code Content-Disposition: form-data; name="..."} are kept; the first part of a name
 * wins. Part bodies are decoded when a part declares a {@code Content-Transfer-Encoding} (rare in forms).
 */
final class MultipartForm {

    /** Limits of the parser: a form of a profile has a handful of parts with short headers. */
    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setMaxLineLen(-1)          // binary parts have arbitrary "lines"
            .setMaxHeaderLen(64 * 1024)
            .setMaxHeaderCount(100)
            .setStrictParsing(false)
            .build();

    private MultipartForm() {
    }

    /**
     * @param body        the whole request body
     * @param contentType the request's content type, with its {@code boundary} parameter
     * @param maxPartSize largest part accepted
     * @return field name → bytes, in body order
     * @throws InvalidProfileException when the content type has no boundary or the body is not a well-formed form
     */
    static Map<String, byte[]> parse(byte[] body, String contentType, int maxPartSize) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("multipart/form-data")) {
            throw new InvalidProfileException("not a multipart/form-data body: content type is \"" + contentType + "\"");
        }
        RawBody ct = RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", contentType));
        String boundary = param(ct, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new InvalidProfileException("multipart/form-data content type has no boundary: \"" + contentType + "\"");
        }
        if (lastIndexOf(body, ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1)) < 0) {
            throw new InvalidProfileException("malformed multipart/form-data body: no closing boundary (truncated?)");
        }
        Map<String, byte[]> fields = new LinkedHashMap<>();
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        boolean sawPart = false;
        try {
            stream.parseHeadless(new ByteArrayInputStream(body), contentType);
            int depth = 0;
            String partName = null;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MULTIPART -> depth++;
                    case T_END_MULTIPART -> depth--;
                    case T_START_BODYPART -> {
                        partName = null;
                        if (depth == 1) {
                            sawPart = true;
                        }
                    }
                    case T_FIELD -> {
                        Field f = stream.getField();
                        if (depth == 1 && f.getName().equalsIgnoreCase("Content-Disposition")) {
                            RawField raw = f instanceof RawField r ? r : new RawField(f.getName(), f.getBody());
                            RawBody cd = RawFieldParser.DEFAULT.parseRawBody(raw);
                            if ("form-data".equalsIgnoreCase(cd.getValue())) {
                                partName = param(cd, "name");
                            }
                        }
                    }
                    case T_BODY -> {
                        if (depth == 1 && partName != null && !fields.containsKey(partName)) {
                            try (InputStream in = stream.getDecodedInputStream()) {
                                fields.put(partName, Pprof.readBounded(in, maxPartSize).toByteArray());
                            }
                        }
                    }
                    default -> {
                        // preamble, epilogue, headers: nothing to keep
                    }
                }
            }
        } catch (MimeException | IOException e) {
            throw new InvalidProfileException("malformed multipart/form-data body: " + e.getMessage(), e);
        }
        if (!sawPart) {
            throw new InvalidProfileException("malformed multipart/form-data body: no part delimited by the boundary"
                                              + " of the content type");
        }
        return Collections.unmodifiableMap(fields);
    }

    /** Last index of {@code needle} in {@code hay} (searched from the end: the closing boundary is near it). */
    private static int lastIndexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String param(RawBody body, String name) {
        for (NameValuePair p : body.getParams()) {
            if (p.getName().equalsIgnoreCase(name)) {
                return p.getValue();
            }
        }
        return null;
    }
}
