package io.pyrocamel.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of duration options. Camel's generic String→Duration conversion turns unparsable text ({@code abc},
 * {@code -1s}) into zero, which would silently change meaning ("keep forever", "no timeout"); this parser rejects it.
 *
 * <p>Accepted: Go/Alloy durations ({@code 15s}, {@code 1m30s}, {@code 500ms}, {@code 1.5h}, {@code 250us},
 * {@code 100ns}) plus {@code d} for days; ISO-8601 ({@code PT24H}); a plain number of milliseconds ({@code 5000}, as
 * Camel writes durations).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|d|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?(?:ns|us|µs|ms|d|h|m|s))+");

    private Durations() {
    }

    /**
     * Parses a duration {@code >= 0}.
     *
     * @param option the option name, for the error message
     * @throws IllegalArgumentException naming the option and the value when it is not a duration {@code >= 0}
     */
    public static Duration parse(String option, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("p") || v.startsWith("-p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
                d = Duration.ofMillis(Long.parseLong(v));
            } else if (v.equals("0")) {
                d = Duration.ZERO;
            } else if (WHOLE.matcher(v).matches()) {
                d = Duration.ZERO;
                Matcher m = PART.matcher(v);
                while (m.find()) {
                    BigDecimal n = new BigDecimal(m.group(1));
                    long nanosPerUnit = switch (m.group(2)) {
                        case "d" -> 86_400_000_000_000L;
                        case "h" -> 3_600_000_000_000L;
                        case "m" -> 60_000_000_000L;
                        case "s" -> 1_000_000_000L;
                        case "ms" -> 1_000_000L;
                        case "us", "µs" -> 1_000L;
                        default -> 1L;
                    };
                    d = d.plusNanos(n.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact());
                }
            } else {
                throw new IllegalArgumentException();
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException();
            }
            d.toNanos(); // overflow check
            return d;
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("option " + option + " must be a duration >= 0 such as 15s, 1m30s, 500ms,"
                                               + " 24h, PT24H or a number of milliseconds, was \"" + value + "\"");
        }
    }

    /**
     * Replaces the named duration options in an endpoint's parameter map by their strictly parsed value in
     * milliseconds, before Camel's lenient conversion binds them. Option names match case-insensitively, as Camel's
     * do. Call it in {@code createEndpoint} before {@code setProperties}.
     *
     * @throws IllegalArgumentException naming the option and the value when one is not a duration {@code >= 0}
     */
    public static void parseStrictly(Map<String, Object> parameters, String... options) {
        for (String option : options) {
            for (Iterator<Map.Entry<String, Object>> it = parameters.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Object> e = it.next();
                if (e.getKey().equalsIgnoreCase(option) && e.getValue() != null) {
                    Object v = e.getValue();
                    if (v instanceof Duration d) {
                        e.setValue(d.toMillis());
                    } else if (!(v instanceof Number)) {
                        e.setValue(parse(option, v.toString()).toMillis());
                    }
                }
            }
        }
    }
}
