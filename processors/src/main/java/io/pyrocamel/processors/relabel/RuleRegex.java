package io.pyrocamel.processors.relabel;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A rule's regular expression, compiled as Prometheus does: {@code ^(?s:<regex>)$} (fully anchored, {@code .} matches
 * newline) with RE2 syntax and semantics. The engine is RE2/J, a Java port of Go's {@code regexp} package: linear time
 * in the input (no backtracking, so no rule can hang a route), no backreferences or lookaround (rejected at start-up, as
 * Go rejects them), {@code $} is the end of the text, {@code \d}/{@code \w}/{@code \s} are ASCII, leftmost-first
 * submatches.
 *
 * <p>RE2/J runs an NFA for every match, which costs about a microsecond per label name. Common rule shapes are answered
 * without it, with the same result: the default {@code (.*)} (matches everything, group 1 = the value), a plain literal
 * ({@code equals}), a literal followed by {@code .*} ({@code startsWith}), and alternations of literals
 * ({@code kube-system|monitoring}); for any other regex without {@code |}, a value that lacks the regex's leading
 * literal text is rejected before the NFA runs.
 *
 * @since 0.1.0
 */
final class RuleRegex {

    /** Characters with a meaning in RE2 syntax (conservative: {@code {} is always treated as special). */
    private static final String META = "\\.+*?()|[]{}^$";

    private enum Kind { ALL, LITERAL, PREFIX, LITERALS, ENGINE }

    private final String source;
    private final Pattern pattern;
    private final Kind kind;
    /** LITERAL: the literal; PREFIX: the prefix; ENGINE: a prefix every match starts with ("" = none). */
    private final String text;
    private final Set<String> literals;

    private RuleRegex(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
        Set<String> alts = null;
        if (RelabelRule.DEFAULT_REGEX.equals(source)) {
            kind = Kind.ALL;
            text = "";
        } else if (isLiteral(source)) {
            kind = Kind.LITERAL;
            text = source;
        } else if (source.endsWith(".*") && isLiteral(source.substring(0, source.length() - 2))) {
            kind = Kind.PREFIX;
            text = source.substring(0, source.length() - 2);
        } else if (source.indexOf('|') > 0 && isLiteralAlternation(source)) {
            kind = Kind.LITERALS;
            text = "";
            alts = Set.of(distinct(source.split("\\|", -1)));
        } else {
            kind = Kind.ENGINE;
            text = source.indexOf('|') >= 0 ? "" : requiredPrefix(source);
        }
        this.literals = alts;
    }

    /**
     * Compiles {@code regex} anchored; throws {@link PatternSyntaxException} with RE2's message.
     */
    static RuleRegex compile(String regex) {
        return new RuleRegex(regex, Pattern.compile("^(?s:" + regex + ")$"));
    }

    private static boolean isLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (META.indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLiteralAlternation(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '|' && META.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String[] distinct(String[] parts) {
        return Arrays.stream(parts).distinct().toArray(String[]::new);
    }

    /**
     * The literal text every match of a regex without {@code |} starts with: the leading run of ordinary characters,
     * less its last character when a quantifier follows it ({@code ab?c} gives {@code a}).
     */
    private static String requiredPrefix(String s) {
        int i = 0;
        while (i < s.length() && META.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i < s.length() && "*?+{".indexOf(s.charAt(i)) >= 0) {
            i = Math.max(0, i - 1);
            // a quantifier after a surrogate pair applies to the whole code point
            if (i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                i--;
            }
        }
        return s.substring(0, i);
    }

    String source() {
        return source;
    }

    /** Group name to index. */
    Map<String, Integer> namedGroups() {
        return pattern.namedGroups();
    }

    boolean matches(String input) {
        switch (kind) {
            case ALL:
                return true;
            case LITERAL:
                return input.equals(text);
            case PREFIX:
                return input.startsWith(text);
            case LITERALS:
                return literals.contains(input);
            default:
                return input.startsWith(text) && pattern.matches(input);
        }
    }

    /** The match of {@code input}, or {@code null}. */
    RegexMatch match(String input) {
        switch (kind) {
            case ALL:
                return i -> i == 0 || i == 1 ? input : null;
            case LITERAL:
            case PREFIX:
            case LITERALS:
                // no groups in these shapes: only group 0, the whole value
                return matches(input) ? i -> i == 0 ? input : null : null;
            default:
                if (!input.startsWith(text)) {
                    return null;
                }
                Matcher m = pattern.matcher(input);
                if (!m.find()) {
                    return null;
                }
                int count = m.groupCount();
                return i -> i <= count ? m.group(i) : null;
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
