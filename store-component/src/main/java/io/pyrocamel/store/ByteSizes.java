package io.pyrocamel.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes such as {@code 512MB}, {@code 10 KiB}, {@code 1g} or plain byte counts. Units are binary (1 KB = 1024
 * bytes), as in Spring's {@code DataSize}; {@code B}, {@code K}/{@code KB}/{@code KiB}, {@code M}..., {@code G}...,
 * {@code T}..., case-insensitive.
 */
final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*([kmgt]?)(i?b?)");

    private ByteSizes() {
    }

    /**
     * @param option the option name, for the error message
     * @throws IllegalArgumentException naming the option and the value when it is not a size {@code >= 0}
     */
    static long parse(String option, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(v);
        if (!m.matches() || (m.group(2).isEmpty() && m.group(3).equals("i"))) {
            throw new IllegalArgumentException("option " + option + " must be a size >= 0 (bytes, or with a unit like"
                                               + " 512MB, 10KiB, 2GB; 0 = no cap), was \"" + value + "\"");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " is too large: \"" + value + "\"");
        }
    }
}
