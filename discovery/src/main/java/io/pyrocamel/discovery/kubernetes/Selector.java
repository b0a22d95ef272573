package io.pyrocamel.discovery.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * A label and a field selector for one role (Alloy's {@code selectors} block). The label selector goes to the API
 * server as written; the field selector is split into its requirements ({@code key=value}, {@code key==value},
 * {@code key!=value}, comma-separated, {@code \} escapes), which fabric8 sends again as one selector.
 *
 * @since 0.1.0
 */
public record Selector(KubernetesRole role, String label, String field) {

    public static final Selector NONE = new Selector(null, null, null);

    /** One field requirement. */
    public record FieldRequirement(String key, String value, boolean equal) {
    }

    public Selector {
        label = label == null || label.isBlank() ? null : label.trim();
        field = field == null || field.isBlank() ? null : field.trim();
    }

    /** The field requirements, or an error naming {@code option}. */
    public List<FieldRequirement> fieldRequirements(String option) {
        List<FieldRequirement> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        for (String term : splitUnescaped(field)) {
            String t = term.trim();
            if (t.isEmpty()) {
                continue;
            }
            int ne = indexUnescaped(t, "!=");
            int eq = indexUnescaped(t, "=");
            String key;
            String value;
            boolean equal;
            if (ne >= 0 && ne <= eq) {
                key = t.substring(0, ne);
                value = t.substring(ne + 2);
                equal = false;
            } else if (eq >= 0) {
                key = t.substring(0, eq);
                value = t.substring(t.startsWith("==", eq) ? eq + 2 : eq + 1);
                equal = true;
            } else {
                throw new IllegalArgumentException("option " + option + ": invalid field selector \"" + field
                                                   + "\": \"" + t + "\" is not key=value, key==value or key!=value");
            }
            key = key.trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("option " + option + ": invalid field selector \"" + field
                                                   + "\": a requirement has no field name");
            }
            out.add(new FieldRequirement(key, unescape(value.trim()), equal));
        }
        return out;
    }

    private static List<String> splitUnescaped(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == ',') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static int indexUnescaped(String s, String op) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(op, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
