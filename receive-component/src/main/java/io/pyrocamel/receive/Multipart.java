package io.pyrocamel.receive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small {@code multipart/form-data} reader (RFC 7578 / RFC 2046): finds the parts of a body held in memory without
 * copying them. Used to check an {@code /ingest} form (the body is still forwarded untouched) and by tests to take
 * parts out.
 */
public final class Multipart {

    /**
     * One part: its form field name, file name (or {@code null}), content type (or {@code null}) and where its content
     * lies in the body ({@code start} inclusive, {@code end} exclusive).
     */
    public record Part(String name, String filename, String contentType, int start, int end) {

        public byte[] content(byte[] body) {
            byte[] out = new byte[end - start];
            System.arraycopy(body, start, out, 0, out.length);
            return out;
        }
    }

    /** Longest header block of one part that is searched for its end. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final byte[] CRLF_CRLF = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] LF_LF = "\n\n".getBytes(StandardCharsets.ISO_8859_1);

    private Multipart() {
    }

    /** The {@code boundary} parameter of a Content-Type, unquoted, or {@code null}. */
    public static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("boundary")) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() || v.length() > 70 ? null : v; // RFC 2046: 1 to 70 characters
            }
        }
        return null;
    }

    /**
     * The parts of a multipart body.
     *
     * @throws IllegalArgumentException naming what is wrong when the body is not a complete multipart body
     */
    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = firstDelimiter(body, delim);
        if (pos < 0) {
            throw new IllegalArgumentException("the body does not contain the boundary \"" + boundary + "\"");
        }
        List<Part> parts = new ArrayList<>();
        pos += delim.length;
        while (true) {
            if (startsWith(body, pos, "--")) {
                return parts;
            }
            pos = skipLineEnd(body, pos);
            if (pos < 0) {
                throw new IllegalArgumentException("malformed boundary line");
            }
            // part headers are short: search their end only within MAX_HEADER_BYTES, so a hostile body cannot make
            // every part scan the rest of the body (quadratic time)
            int headerLimit = (int) Math.min(body.length, (long) pos + MAX_HEADER_BYTES);
            int headersEnd = indexOf(body, CRLF_CRLF, pos, headerLimit);
            int sepLen = 4;
            int lf = indexOf(body, LF_LF, pos, headersEnd < 0 ? headerLimit : headersEnd);
            if (headersEnd < 0 || lf >= 0) {
                headersEnd = lf;
                sepLen = 2;
            }
            if (headersEnd < 0) {
                throw new IllegalArgumentException("part " + (parts.size() + 1) + " has no end of headers");
            }
            String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            int contentStart = headersEnd + sepLen;
            int next = nextDelimiter(body, delim, contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("the body is truncated: part " + (parts.size() + 1)
                                                   + " has no closing boundary");
            }
            int contentEnd = next;
            if (contentEnd > contentStart && body[contentEnd - 1] == '\n') {
                contentEnd--;
                if (contentEnd > contentStart && body[contentEnd - 1] == '\r') {
                    contentEnd--;
                }
            }
            parts.add(part(headers, contentStart, contentEnd));
            pos = next + delim.length;
        }
    }

    private static Part part(String headers, int start, int end) {
        String name = null;
        String filename = null;
        String type = null;
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String h = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String v = line.substring(colon + 1).trim();
            if (h.equals("content-disposition")) {
                name = param(v, "name");
                filename = param(v, "filename");
            } else if (h.equals("content-type")) {
                type = v;
            }
        }
        return new Part(name, filename, type, start, end);
    }

    private static String param(String header, String key) {
        for (String p : header.split(";")) {
            String s = p.trim();
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String v = s.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static int firstDelimiter(byte[] body, byte[] delim) {
        if (startsWith(body, 0, delim)) {
            return 0;
        }
        int i = nextDelimiter(body, delim, 0);
        return i;
    }

    /** Index of the next delimiter that starts a line, at or after {@code from}. */
    private static int nextDelimiter(byte[] body, byte[] delim, int from) {
        int[] table = kmpTable(delim);
        int i = from;
        while (true) {
            int d = indexOf(body, delim, table, i, body.length);
            if (d < 0) {
                return -1;
            }
            if (d == 0 || body[d - 1] == '\n') {
                return d;
            }
            i = d + 1;
        }
    }

    private static int skipLineEnd(byte[] body, int pos) {
        int i = pos;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (startsWith(body, i, "\r\n")) {
            return i + 2;
        }
        if (i < body.length && body[i] == '\n') {
            return i + 1;
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, int pos, String s) {
        return startsWith(body, pos, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] body, int pos, byte[] p) {
        if (pos < 0 || pos + p.length > body.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (body[pos + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    /** First index of {@code p} in {@code body[from, to)}, or -1. Linear time (Knuth-Morris-Pratt). */
    static int indexOf(byte[] body, byte[] p, int from, int to) {
        return indexOf(body, p, kmpTable(p), from, to);
    }

    static int indexOf(byte[] body, byte[] p) {
        return indexOf(body, p, 0, body.length);
    }

    private static int indexOf(byte[] body, byte[] p, int[] table, int from, int to) {
        if (p.length == 0) {
            return from;
        }
        int end = Math.min(to, body.length);
        int k = 0;
        for (int i = Math.max(from, 0); i < end; i++) {
            while (k > 0 && body[i] != p[k]) {
                k = table[k - 1];
            }
            if (body[i] == p[k]) {
                k++;
                if (k == p.length) {
                    return i - p.length + 1;
                }
            }
        }
        return -1;
    }

    /** KMP failure table: table[i] = length of the longest proper prefix of p[0..i] that is also its suffix. */
    private static int[] kmpTable(byte[] p) {
        int[] t = new int[p.length];
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = t[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            t[i] = k;
        }
        return t;
    }
}
