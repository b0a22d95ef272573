package io.pyrocamel.scrape;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Alloy's checks of a scrape response body (SPEC.md §8.4): a pprof endpoint answers {@code application/octet-stream}
 * with a gzip stream or a protobuf message, never an HTML or JSON page.
 *
 * @since 0.1.0
 */
final class ResponseCheck {

    private ResponseCheck() {
    }

    /** The reason the body is not a profile, or {@code null} when it passes. */
    static String problem(byte[] data, String contentType) {
        if (data.length == 0) {
            return "empty response from profiling endpoint";
        }
        if (contentType == null || contentType.isEmpty()) {
            return "missing Content-Type header";
        }
        if (!contentType.startsWith("application/octet-stream")) {
            return "unexpected Content-Type " + contentType + ", expected application/octet-stream for pprof data";
        }
        if (isText(data)) {
            String preview = new String(data, 0, Math.min(50, data.length), StandardCharsets.UTF_8);
            return "text response instead of pprof: \"" + preview.replace("\"", "\\\"").replace("\n", "\\n")
                   + "\" (server should return HTTP error, not 200)";
        }
        if (data.length <= 2) {
            return "data too short for pprof format";
        }
        if ((data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            return null;
        }
        int wireType = data[0] & 0x07;
        if (wireType >= 6) {
            return "invalid protobuf data: illegal wireType " + wireType + " (expected 0-5), first bytes: "
                   + HexFormat.of().formatHex(data, 0, Math.min(16, data.length));
        }
        return null;
    }

    static boolean isText(byte[] data) {
        if (data.length < 10) {
            return false;
        }
        if (hasHtmlPrefix(data)) {
            return true;
        }
        byte first = 0;
        for (int i = 0; i < data.length && i < 64; i++) {
            if (!isSpace(data[i])) {
                first = data[i];
                break;
            }
        }
        return (first == '{' || first == '[') && data.length > 20;
    }

    private static boolean hasHtmlPrefix(byte[] data) {
        int start = 0;
        while (start < data.length && isSpace(data[start])) {
            start++;
        }
        if (start >= data.length || data[start] != '<') {
            return false;
        }
        int n = data.length - start;
        if (n < 2) {
            return false;
        }
        if (n >= 9 && data[start + 1] == '!' && (data[start + 2] == 'D' || data[start + 2] == 'd')) {
            return true;
        }
        if (n >= 5) {
            byte second = data[start + 1];
            return second == 'h' || second == 'H' || second == 'b' || second == 'B' || second == 't' || second == 'T';
        }
        return false;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
