package io.pyrocamel.processors.relabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replacement template with Go's {@code regexp.Expand} rules, parsed once: {@code $name} or {@code ${name}}, where
 * name is the longest run of letters, digits and {@code _}; an all-digit name (no leading zero, below 10^8) is a group
 * number, anything else a group name; unknown or unmatched groups expand to nothing; {@code $$} is a literal
 * {@code $}; a malformed reference ({@code $}, {@code ${}, {@code ${x}) is kept as literal text. So {@code $1x} refers
 * to the group named {@code 1x} (expands to nothing) and must be written {@code ${1}x}. No backslash escapes.
 * (Java's {@code Matcher.replaceAll} syntax differs and is not used.)
 *
 * @since 0.1.0
 */
final class GoTemplate {

    /** Group references never matched (an unknown name). */
    private static final int NO_GROUP = -1;

    private final String source;
    /** Literal strings and {@code Integer} group indexes, in order. */
    private final Object[] parts;
    private final boolean literal;

    private GoTemplate(String source, Object[] parts) {
        this.source = source;
        this.parts = parts;
        this.literal = parts.length == 0 || (parts.length == 1 && parts[0] instanceof String);
    }

    /**
     * Parses {@code template}; named references are resolved against {@code namedGroups} (name to group index).
     */
    static GoTemplate compile(String template, Map<String, Integer> namedGroups) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        String t = template;
        while (!t.isEmpty()) {
            int dollar = t.indexOf('$');
            if (dollar < 0) {
                break;
            }
            lit.append(t, 0, dollar);
            t = t.substring(dollar + 1);
            if (!t.isEmpty() && t.charAt(0) == '$') {
                lit.append('$');
                t = t.substring(1);
                continue;
            }
            Ref ref = extract(t);
            if (ref == null) {
                lit.append('$');
                continue;
            }
            t = ref.rest;
            int group;
            if (ref.num >= 0) {
                group = ref.num;
            } else {
                Integer idx = namedGroups.get(ref.name);
                group = idx == null ? NO_GROUP : idx;
            }
            if (lit.length() > 0) {
                parts.add(lit.toString());
                lit.setLength(0);
            }
            parts.add(group);
        }
        lit.append(t);
        if (lit.length() > 0) {
            parts.add(lit.toString());
        }
        return new GoTemplate(template, parts.toArray());
    }

    private record Ref(String name, int num, String rest) {
    }

    /** Go's {@code extract}: a leading {@code name} or {@code {name}} of {@code str} (the {@code $} already removed). */
    private static Ref extract(String str) {
        if (str.isEmpty()) {
            return null;
        }
        boolean brace = false;
        if (str.charAt(0) == '{') {
            brace = true;
            str = str.substring(1);
        }
        int i = 0;
        while (i < str.length()) {
            int cp = str.codePointAt(i);
            if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == 0) {
            return null;
        }
        String name = str.substring(0, i);
        if (brace) {
            if (i >= str.length() || str.charAt(i) != '}') {
                return null;
            }
            i++;
        }
        int num = 0;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c < '0' || c > '9' || num >= 100_000_000) {
                num = -1;
                break;
            }
            num = num * 10 + (c - '0');
        }
        if (name.charAt(0) == '0' && name.length() > 1) {
            num = -1;
        }
        return new Ref(name, num, str.substring(i));
    }

    /** True when the template has no group reference (it always expands to the same text). */
    boolean isLiteral() {
        return literal;
    }

    /** The expansion of a literal template. */
    String literalValue() {
        return parts.length == 0 ? "" : (String) parts[0];
    }

    /** Expands the template with the groups of {@code match}. */
    String expand(RegexMatch match) {
        if (literal) {
            return literalValue();
        }
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s) {
                sb.append(s);
            } else {
                int g = (Integer) p;
                if (g >= 0) {
                    String v = match.group(g);
                    if (v != null) {
                        sb.append(v);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
