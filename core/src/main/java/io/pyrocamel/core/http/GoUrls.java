package io.pyrocamel.core.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The URL path and query rules of Go's {@code net/url} and {@code path} packages, so URLs built here are the URLs
 * Alloy builds (scrape targets, the write endpoint's {@code /ingest}).
 */
public final class GoUrls {

    private GoUrls() {
    }

    /** Go's {@code path.Clean} of an absolute path: no empty or {@code .} segments, {@code ..} resolved. */
    public static String cleanPath(String p) {
        List<String> out = new ArrayList<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(seg);
        }
        return "/" + String.join("/", out);
    }

    /** Go's {@code url.QueryEscape}: unreserved {@code A-Za-z0-9-_.~} kept, space as {@code +}, the rest %XX. */
    public static String queryEscape(String s) {
        return escape(s, "-_.~", true);
    }

    /** Go's path escaping: unreserved characters and {@code $&+,/:;=@} kept, everything else %XX. */
    public static String escapePath(String s) {
        return escape(s, "-_.~$&+,/:;=@", false);
    }

    private static String escape(String s, String keep, boolean spaceAsPlus) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || keep.indexOf(c) >= 0) {
                sb.append((char) c);
            } else if (c == ' ' && spaceAsPlus) {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
