package io.pyrocamel.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File and directory names of the store: sanitized path segments, the UTC timestamp format, and the patterns that
 * recognise the store's own files.
 */
final class PathNames {

    /** Longest path segment kept, in UTF-8 bytes (file systems allow 255). */
    static final int MAX_SEGMENT_BYTES = 120;

    /** {@code 20261125T140102.123Z}. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIMESTAMP_PARSE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    /** base name: timestamp, 8 hex chars of the SHA-256, optional collision counter. */
    private static final String BASE = "(\\d{8}T\\d{6}\\.\\d{3}Z)-([0-9a-f]{8})(?:-(\\d{1,6}))?";
    static final Pattern PROFILE = Pattern.compile(
            BASE + "(\\.pb\\.gz|\\.jfr|\\.folded\\.txt|\\.lines\\.txt|\\.speedscope\\.json|\\.trie\\.bin|\\.tree\\.bin)");
    static final Pattern SIDECAR = Pattern.compile(BASE + "\\.labels\\.json");
    /** Temporary files of an unfinished write: a leading dot and a {@code .tmp} end. */
    static final Pattern TEMP = Pattern.compile("\\..*\\.tmp");

    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private PathNames() {
    }

    /**
     * A label value made safe as one directory name: path separators, {@code :*?"<>|}, control and other invisible
     * characters become {@code _}; a leading {@code .} becomes {@code _} (so no {@code .}, {@code ..} or hidden
     * directory); the result is cut to {@value #MAX_SEGMENT_BYTES} UTF-8 bytes. Blank input gives {@code fallback}.
     */
    static String segment(String raw, String fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int bytes = 0;
        String s = raw.strip();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean bad = Character.isISOControl(cp) || FORBIDDEN.indexOf(cp) >= 0 || !Character.isDefined(cp)
                          || Character.getType(cp) == Character.FORMAT
                          || Character.getType(cp) == Character.LINE_SEPARATOR
                          || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                          || Character.getType(cp) == Character.SURROGATE
                          || (Character.isWhitespace(cp) && cp != ' ');
            String piece = bad ? "_" : new String(Character.toChars(cp));
            int n = piece.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_SEGMENT_BYTES) {
                break;
            }
            bytes += n;
            sb.append(piece);
        }
        if (sb.length() > 0 && sb.charAt(0) == '.') {
            sb.setCharAt(0, '_');
        }
        String out = sb.toString().strip();
        return out.isEmpty() ? fallback : out;
    }

    /**
     * The service name a dropped file's name implies: its first folder when it lies in a subfolder
     * ({@code cart/x.pb.gz} → {@code cart}), else the part before the first dot ({@code checkout.cpu.pb.gz} →
     * {@code checkout}). {@code null} when nothing is left.
     */
    static String serviceFromFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String f = fileName.replace('\\', '/');
        while (f.startsWith("/") || f.startsWith("./")) {
            f = f.substring(f.startsWith("/") ? 1 : 2);
        }
        int slash = f.indexOf('/');
        String s;
        if (slash >= 0) {
            s = f.substring(0, slash);
        } else {
            int dot = f.indexOf('.');
            s = dot < 0 ? f : f.substring(0, dot);
        }
        return s.isBlank() ? null : s;
    }

    /** The time a store file name encodes, or {@code null} when the name is not one of the store's. */
    static Instant timeOf(Matcher matched) {
        try {
            return LocalDateTime.parse(matched.group(1), TIMESTAMP_PARSE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code name} without its profile extension (the base shared with the sidecar). */
    static String baseOf(String profileFileName, StoredFormat format) {
        return profileFileName.substring(0, profileFileName.length() - format.extension().length());
    }

    static String timestamp(Instant t) {
        return TIMESTAMP.format(t);
    }
}
