package io.pyrocamel.receive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.types.v1.LabelPair;

/**
 * The Connect unary protocol of {@code POST /push.v1.PusherService/Push} (SPEC.md §1.2): content type (protobuf or
 * JSON), {@code Connect-Protocol-Version}, {@code Content-Encoding}, {@code Connect-Timeout-Ms}, and the decoding of
 * the body into one {@link PushProfile} per series.
 */
final class ConnectPush {

    static final String PROTO = "application/proto";
    static final String JSON = "application/json";
    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();

    /** The request codec; the success response uses the same content type. */
    enum Codec {
        PROTO(ConnectPush.PROTO, new byte[0]),
        JSON(ConnectPush.JSON, "{}".getBytes(StandardCharsets.UTF_8));

        private final String contentType;
        private final byte[] emptyResponse;

        Codec(String contentType, byte[] emptyResponse) {
            this.contentType = contentType;
            this.emptyResponse = emptyResponse;
        }

        String contentType() {
            return contentType;
        }

        byte[] emptyResponse() {
            return emptyResponse.clone();
        }
    }

    /** A checked and decoded push request. */
    record Decoded(Codec codec, long timeoutMillis, List<PushProfile> profiles) {
    }

    private ConnectPush() {
    }

    /** The codec of a request, or {@code null} when the content type is not one Connect unary serves. */
    static Codec codec(String contentType) {
        if (contentType == null) {
            return null;
        }
        String ct = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (ct) {
            case PROTO -> Codec.PROTO;
            case JSON, JSON + ";charset=utf-8" -> Codec.JSON;
            default -> null;
        };
    }

    static Decoded decode(ReceivedRequest r, int maxBodySize) throws ReceiveException {
        String ctHeader = r.header(HttpHeaderNames.CONTENT_TYPE);
        Codec codec = codec(ctHeader);
        if (codec == null) {
            throw new ReceiveException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, ConnectCode.UNIMPLEMENTED,
                    "unsupported content type \"" + (ctHeader == null ? "" : ctHeader) + "\": the Push procedure takes "
                    + Responses.CONNECT_ACCEPT_POST + " (gRPC and gRPC-Web are not served)");
        }
        String version = r.header("Connect-Protocol-Version");
        if (version != null && !version.equals("1")) {
            throw new ReceiveException(ConnectCode.INVALID_ARGUMENT,
                    "connect-protocol-version must be \"1\": got \"" + version + "\"");
        }
        long timeout = timeoutMillis(r.header("Connect-Timeout-Ms"));
        byte[] body = decompress(r.header(HttpHeaderNames.CONTENT_ENCODING), r.body(), maxBodySize);
        PushRequest request = parse(codec, body);
        List<PushProfile> profiles = new ArrayList<>(request.getSeriesCount());
        for (int i = 0; i < request.getSeriesCount(); i++) {
            profiles.add(profile(i, request.getSeries(i)));
        }
        return new Decoded(codec, timeout, profiles);
    }

    /** {@code Connect-Timeout-Ms}: at most 10 digits; -1 when absent. */
    static long timeoutMillis(String header) throws ReceiveException {
        if (header == null) {
            return -1;
        }
        String s = header.trim();
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ReceiveException(ConnectCode.INVALID_ARGUMENT,
                    "protocol error: invalid connect-timeout-ms \"" + header + "\": want at most 10 digits");
        }
        return Long.parseLong(s);
    }

    private static byte[] decompress(String encoding, byte[] body, int max) throws ReceiveException {
        String e = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return body;
        }
        if (!e.equals("gzip")) {
            throw new ReceiveException(ConnectCode.UNIMPLEMENTED,
                    "unknown compression \"" + encoding + "\": supported encodings are gzip");
        }
        if (body.length == 0) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 16 * 1024)) {
            return Pprof.readBounded(in, max).toByteArray();
        } catch (IOException ex) {
            if (String.valueOf(ex.getMessage()).contains("after decompression")) {
                throw new ReceiveException(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        ConnectCode.RESOURCE_EXHAUSTED, "message larger than " + max
                                                        + " bytes after decompression (maxBodySize)");
            }
            throw new ReceiveException(ConnectCode.INVALID_ARGUMENT,
                    "invalid gzip body (Content-Encoding: gzip): " + ex.getMessage());
        }
    }

    private static PushRequest parse(Codec codec, byte[] body) throws ReceiveException {
        try {
            if (codec == Codec.PROTO) {
                CodedInputStream in = CodedInputStream.newInstance(body);
                in.setSizeLimit(Integer.MAX_VALUE);
                PushRequest req = PushRequest.parseFrom(in);
                in.checkLastTagWas(0);
                return req;
            }
            PushRequest.Builder b = PushRequest.newBuilder();
            String json = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
            JSON_PARSER.merge(json, b);
            return b.build();
        } catch (InvalidProtocolBufferException e) {
            throw new ReceiveException(ConnectCode.INVALID_ARGUMENT,
                    "unmarshal into push.v1.PushRequest: " + clean(e.getMessage()));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ReceiveException(ConnectCode.INVALID_ARGUMENT, "unmarshal into push.v1.PushRequest: the JSON"
                                                                     + " body is not valid UTF-8");
        } catch (IOException | RuntimeException e) {
            throw new ReceiveException(ConnectCode.INVALID_ARGUMENT,
                    "unmarshal into push.v1.PushRequest: " + clean(e.getMessage()));
        }
    }

    /** A parser message without the Java class names parsers put in front of it. */
    static String clean(String message) {
        if (message == null) {
            return "malformed body";
        }
        return message.replaceAll("(?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*(?:Exception|Error): ", "");
    }

    private static PushProfile profile(int index, RawProfileSeries series) throws ReceiveException {
        Labels.Builder b = Labels.builder();
        try {
            for (LabelPair p : series.getLabelsList()) {
                b.set(p.getName(), p.getValue()); // a repeated name: the last one wins
            }
        } catch (InvalidLabelException e) {
            throw new ReceiveException(ConnectCode.INVALID_ARGUMENT, "series " + index + ": " + e.getMessage());
        }
        Labels labels = ServiceNameRule.apply(b.build());
        List<RawSample> samples = new ArrayList<>(series.getSamplesCount());
        for (io.pyrocamel.core.proto.push.v1.RawSample s : series.getSamplesList()) {
            ByteString raw = s.getRawProfile();
            samples.add(new RawSample(raw, s.getID()));
        }
        return new PushProfile(labels, samples);
    }
}
