package io.pyrocamel.receive;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The HTTP answers of the receiver: plain text (Go's {@code http.Error} style), Pyroscope's and Connect's JSON error
 * body {@code {"code":"…","message":"…"}}, and Connect success.
 */
final class Responses {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json";
    /** What a Connect unary handler accepts (sent as {@code Accept-Post} with a 415). */
    static final String CONNECT_ACCEPT_POST = "application/json, application/json; charset=utf-8, application/proto";

    private Responses() {
    }

    static FullHttpResponse text(HttpResponseStatus status, String body) {
        return of(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Connect's (and Pyroscope's) error body. */
    static FullHttpResponse error(ConnectCode code, String message) {
        return error(code.httpStatus(), code, message);
    }

    static FullHttpResponse error(HttpResponseStatus status, ConnectCode code, String message) {
        StringBuilder sb = new StringBuilder(64 + message.length()).append("{\"code\":\"").append(code.wireName())
                .append('"');
        if (!message.isEmpty()) {
            sb.append(",\"message\":");
            appendJsonString(sb, message);
        }
        sb.append('}');
        return of(status, JSON, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static FullHttpResponse of(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    static FullHttpResponse empty(HttpResponseStatus status) {
        return of(status, null, new byte[0]);
    }

    static void markClose(FullHttpResponse r) {
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }

    static void appendJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
