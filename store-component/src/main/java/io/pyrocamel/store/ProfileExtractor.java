package io.pyrocamel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

import io.pyrocamel.core.IngestFormat;
import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.ProfileTypes;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.core.proto.jfr.Context;
import io.pyrocamel.core.proto.jfr.LabelsSnapshot;

/**
 * Turns what arrives at the store (a {@link PushProfile}, an {@link IngestProfile}, or the raw bytes of a dropped
 * file) into validated {@link StoreItem}s. Everything is validated before anything is written, so a bad body changes
 * nothing in the store. No Camel types.
 */
final class ProfileExtractor {

    /** Largest profile accepted after decompression (and largest multipart part): 256 MiB. */
    static final int MAX_BYTES = Pprof.DEFAULT_MAX_DECOMPRESSED;

    /** JFR chunk magic {@code FLR\0}. */
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};
    /** Size of a JFR chunk header. */
    private static final int JFR_HEADER = 68;

    /** Type used for JFR recordings: one recording holds several event types (cpu, alloc, lock...). */
    static final String JFR_TYPE = "jfr";
    static final String SPEEDSCOPE_TYPE = "speedscope";

    /** Where the profile came from, recorded as {@code kind} in the sidecar. */
    static final String KIND_RAW = "RAW";

    private ProfileExtractor() {
    }

    /**
     * Items for a profile body.
     *
     * @param serviceHeader used when the labels have no service name; may be {@code null}
     * @param typeHeader    used for a push profile without {@code __name__}; may be {@code null}
     * @param tenant        the tenant header, recorded in the sidecar; may be {@code null}
     */
    static List<StoreItem> fromProfile(Profile profile, String serviceHeader, String typeHeader, String tenant) {
        if (profile instanceof PushProfile push) {
            return fromPush(push, serviceHeader, typeHeader, tenant);
        }
        return List.of(fromIngest((IngestProfile) profile, serviceHeader, tenant));
    }

    private static List<StoreItem> fromPush(PushProfile push, String serviceHeader, String typeHeader, String tenant) {
        Labels labels = push.labels();
        if (push.samples().isEmpty()) {
            throw new InvalidProfileException("nothing to store: the push profile " + labels + " has no samples");
        }
        String service = firstNonBlank(labels.get(LabelNames.SERVICE_NAME), serviceHeader, LabelNames.UNKNOWN_SERVICE);
        List<StoreItem> items = new ArrayList<>(push.samples().size());
        for (int i = 0; i < push.samples().size(); i++) {
            RawSample s = push.samples().get(i);
            io.pyrocamel.core.proto.pprof.Profile decoded;
            try {
                decoded = Pprof.decode(s.rawProfile());
            } catch (InvalidProfileException e) {
                throw new InvalidProfileException("sample " + i + " of the push profile " + labels
                                                  + " is not a pprof profile: " + e.getMessage(), e);
            }
            Map<String, Object> meta = base("PUSH", tenant);
            if (!s.id().isEmpty()) {
                meta.put("sampleId", s.id());
            }
            if (push.samples().size() > 1) {
                meta.put("sampleIndex", i);
            }
            meta.put("receivedGzipped", s.isGzipped());
            meta.put("sampleTypes", new JsonArray(ProfileTypes.sampleTypes(decoded)));
            String type = firstNonBlank(labels.get(LabelNames.NAME), typeHeader, ProfileTypes.fromProfile(decoded));
            items.add(new StoreItem(labels, service, type, StoredFormat.PPROF, gzipped(s.rawProfile()), meta));
        }
        return items;
    }

    private static StoreItem fromIngest(IngestProfile p, String serviceHeader, String tenant) {
        Labels labels = p.labels();
        IngestFormat format = p.format();
        String app = labels.get(LabelNames.NAME);
        String service = firstNonBlank(labels.get(LabelNames.SERVICE_NAME), app, serviceHeader,
                LabelNames.UNKNOWN_SERVICE);
        Map<String, Object> meta = base("INGEST", tenant);
        meta.put("ingestFormat", format.name());
        meta.put("contentType", p.contentType());
        meta.put("query", query(p.query()));
        byte[] body = p.body().toByteArray();
        if (body.length == 0) {
            throw new InvalidProfileException("empty body: an /ingest profile of format " + format + " for "
                                              + labels + " has no bytes");
        }
        String legacyType = ProfileTypes.legacySuffix(app != null ? app : service);
        switch (format) {
            case PPROF -> {
                return pprofItem(labels, service, ByteString.copyFrom(body), "pprof body", meta);
            }
            case PPROF_FORM -> {
                Map<String, byte[]> parts = MultipartForm.parse(body, p.contentType(), MAX_BYTES);
                byte[] profile = parts.get("profile");
                if (profile == null) {
                    throw new InvalidProfileException("the multipart pprof form has no \"profile\" part (parts: "
                                                      + parts.keySet() + ")");
                }
                byte[] config = parts.get("sample_type_config");
                if (config != null) {
                    meta.put("sampleTypeConfig", new String(config, StandardCharsets.UTF_8));
                }
                if (parts.containsKey("prev_profile")) {
                    meta.put("prevProfileIgnored", true);
                }
                return pprofItem(labels, service, ByteString.copyFrom(profile), "\"profile\" part", meta);
            }
            case JFR -> {
                byte[] jfr = body;
                if (IngestFormat.isMultipart(p.contentType())) {
                    Map<String, byte[]> parts = MultipartForm.parse(body, p.contentType(), MAX_BYTES);
                    jfr = parts.get("jfr");
                    if (jfr == null) {
                        throw new InvalidProfileException("the multipart JFR form has no \"jfr\" part (parts: "
                                                          + parts.keySet() + ")");
                    }
                    byte[] labelsPart = parts.get("labels");
                    if (labelsPart != null) {
                        putJfrLabels(meta, labelsPart);
                    }
                }
                meta.put("receivedGzipped", Pprof.isGzip(jfr));
                return new StoreItem(labels, service, JFR_TYPE, StoredFormat.JFR, jfr(jfr, "JFR body"), meta);
            }
            case FOLDED, LINES -> {
                meta.put("receivedGzipped", Pprof.isGzip(body));
                byte[] text = gunzip(body, format + " body");
                if (format == IngestFormat.FOLDED) {
                    validateFolded(text);
                    return new StoreItem(labels, service, legacyType, StoredFormat.FOLDED, text, meta);
                }
                validateLines(text);
                return new StoreItem(labels, service, legacyType, StoredFormat.LINES, text, meta);
            }
            case SPEEDSCOPE -> {
                meta.put("receivedGzipped", Pprof.isGzip(body));
                byte[] json = gunzip(body, "speedscope body");
                validateSpeedscope(json);
                return new StoreItem(labels, service, SPEEDSCOPE_TYPE, StoredFormat.SPEEDSCOPE, json, meta);
            }
            case TRIE -> {
                return new StoreItem(labels, service, legacyType, StoredFormat.TRIE, body, meta);
            }
            case TREE -> {
                return new StoreItem(labels, service, legacyType, StoredFormat.TREE, body, meta);
            }
            default -> throw new IllegalStateException("unhandled ingest format " + format);
        }
    }

    /**
     * An item for a raw body (a dropped file): pprof (gzipped or plain) or JFR (gzipped or plain).
     *
     * @param serviceHeader the service name header, else the one the file name implies, else {@code unknown_service}
     * @param typeHeader    the profile type header, else derived ({@code jfr} for JFR)
     * @param fileName      the {@code CamelFileName} header, may be {@code null}
     */
    static StoreItem fromRaw(byte[] body, String serviceHeader, String typeHeader, String fileName, String tenant) {
        String why = "not a pprof or JFR profile: ";
        if (body == null || body.length == 0) {
            throw new InvalidProfileException(why + "the body is empty");
        }
        boolean gz = Pprof.isGzip(body);
        byte[] plain;
        try {
            plain = gz ? Pprof.gunzipIfNeeded(ByteString.copyFrom(body), MAX_BYTES).toByteArray() : body;
        } catch (IOException e) {
            throw new InvalidProfileException(why + "not a valid gzip stream: " + e.getMessage(), e);
        }
        String service = firstNonBlank(serviceHeader, PathNames.serviceFromFileName(fileName),
                LabelNames.UNKNOWN_SERVICE);
        Map<String, Object> meta = base(KIND_RAW, tenant);
        if (fileName != null) {
            meta.put("sourceFile", fileName);
        }
        meta.put("receivedGzipped", gz);
        StoredFormat format;
        String type;
        byte[] stored;
        if (startsWith(plain, JFR_MAGIC)) {
            validateJfr(plain, why);
            format = StoredFormat.JFR;
            type = firstNonBlank(typeHeader, JFR_TYPE);
            stored = plain;
        } else {
            io.pyrocamel.core.proto.pprof.Profile decoded;
            try {
                decoded = Pprof.decode(ByteString.copyFrom(plain));
            } catch (InvalidProfileException e) {
                throw new InvalidProfileException(why + e.getMessage(), e);
            }
            meta.put("sampleTypes", new JsonArray(ProfileTypes.sampleTypes(decoded)));
            format = StoredFormat.PPROF;
            type = firstNonBlank(typeHeader, ProfileTypes.fromProfile(decoded));
            stored = gz ? body : Pprof.gzip(body);
        }
        Labels labels = Labels.builder().set(LabelNames.SERVICE_NAME, service).set(LabelNames.NAME, type).build();
        return new StoreItem(labels, service, type, format, stored, meta);
    }

    private static StoreItem pprofItem(Labels labels, String service, ByteString raw, String what,
                                       Map<String, Object> meta) {
        io.pyrocamel.core.proto.pprof.Profile decoded;
        try {
            decoded = Pprof.decode(raw);
        } catch (InvalidProfileException e) {
            throw new InvalidProfileException("the " + what + " of the /ingest profile " + labels
                                              + " is not a pprof profile: " + e.getMessage(), e);
        }
        meta.put("receivedGzipped", Pprof.isGzip(raw));
        meta.put("sampleTypes", new JsonArray(ProfileTypes.sampleTypes(decoded)));
        return new StoreItem(labels, service, ProfileTypes.fromProfile(decoded), StoredFormat.PPROF, gzipped(raw),
                meta);
    }

    /** The pprof bytes as stored: as they are when gzipped (so they compare equal), else gzipped. */
    private static byte[] gzipped(ByteString raw) {
        return Pprof.isGzip(raw) ? raw.toByteArray() : Pprof.gzip(raw.toByteArray());
    }

    /** Gunzips (when gzipped) and validates a JFR recording. */
    private static byte[] jfr(byte[] raw, String what) {
        byte[] plain = gunzip(raw, what);
        validateJfr(plain, what + ": ");
        return plain;
    }

    private static void validateJfr(byte[] b, String prefix) {
        if (!startsWith(b, JFR_MAGIC)) {
            throw new InvalidProfileException(prefix + "not a JFR recording: it does not start with FLR\\0");
        }
        if (b.length < JFR_HEADER) {
            throw new InvalidProfileException(prefix + "truncated JFR recording: " + b.length
                                              + " bytes, shorter than a chunk header (" + JFR_HEADER + ")");
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        int major = bb.getShort(4) & 0xffff;
        long chunkSize = bb.getLong(8);
        if (major == 0) {
            throw new InvalidProfileException(prefix + "not a JFR recording: version 0." + (bb.getShort(6) & 0xffff));
        }
        if (chunkSize < 0 || chunkSize > b.length) {
            throw new InvalidProfileException(prefix + "truncated JFR recording: its first chunk declares "
                                              + chunkSize + " bytes, " + b.length + " present");
        }
    }

    private static void putJfrLabels(Map<String, Object> meta, byte[] part) {
        byte[] plain = gunzip(part, "\"labels\" part");
        LabelsSnapshot snap;
        try {
            snap = LabelsSnapshot.parseFrom(plain);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidProfileException("the \"labels\" part of the JFR form is not a LabelsSnapshot protobuf: "
                                              + e.getMessage(), e);
        }
        Map<Long, String> strings = snap.getStringsMap();
        JsonObject contexts = new JsonObject();
        snap.getContextsMap().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(c -> {
            JsonObject ctx = new JsonObject();
            Context context = c.getValue();
            context.getLabelsMap().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(l -> ctx.put(
                    strings.getOrDefault(l.getKey(), "#" + l.getKey()),
                    strings.getOrDefault(l.getValue(), "#" + l.getValue())));
            contexts.put(String.valueOf(c.getKey()), ctx);
        });
        meta.put("jfrLabels", contexts);
        meta.put("jfrLabelsBase64", Base64.getEncoder().encodeToString(plain));
    }

    private static void validateFolded(byte[] text) {
        String s = utf8(text, "folded");
        int lineNo = 0;
        int stacks = 0;
        for (String line : s.split("\n", -1)) {
            lineNo++;
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.isBlank()) {
                continue;
            }
            int sp = l.lastIndexOf(' ');
            String count = sp < 0 ? "" : l.substring(sp + 1);
            if (sp <= 0 || count.isEmpty() || !count.chars().allMatch(Character::isDigit)) {
                throw new InvalidProfileException("not a folded profile: line " + lineNo
                                                  + " is not \"frame;frame;... <count>\": \"" + abbreviate(l) + "\"");
            }
            stacks++;
        }
        if (stacks == 0) {
            throw new InvalidProfileException("not a folded profile: no stack lines");
        }
    }

    private static void validateLines(byte[] text) {
        String s = utf8(text, "lines");
        if (s.isBlank()) {
            throw new InvalidProfileException("not a lines profile: no stack lines");
        }
    }

    private static void validateSpeedscope(byte[] json) {
        String s = utf8(json, "speedscope");
        Object doc;
        try {
            doc = Jsoner.deserialize(s);
        } catch (DeserializationException e) {
            throw new InvalidProfileException("not a speedscope profile: invalid JSON: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map)) {
            throw new InvalidProfileException("not a speedscope profile: the JSON is not an object");
        }
    }

    private static String utf8(byte[] b, String what) {
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            String s = cb.toString();
            if (s.indexOf('\0') >= 0) {
                throw new InvalidProfileException("not a " + what + " profile: binary data (NUL bytes)");
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new InvalidProfileException("not a " + what + " profile: not UTF-8 text", e);
        }
    }

    private static byte[] gunzip(byte[] b, String what) {
        try {
            return Pprof.gunzipIfNeeded(ByteString.copyFrom(b), MAX_BYTES).toByteArray();
        } catch (IOException e) {
            throw new InvalidProfileException(what + ": not a valid gzip stream: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> base(String kind, String tenant) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("kind", kind);
        if (tenant != null && !tenant.isBlank()) {
            meta.put("tenant", tenant);
        }
        return meta;
    }

    /** Query parameters: one value as a string, several as an array. */
    private static JsonObject query(Map<String, List<String>> query) {
        JsonObject q = new JsonObject();
        query.forEach((k, v) -> q.put(k, v.size() == 1 ? v.get(0) : new JsonArray(v)));
        return q;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
