package io.pyrocamel.processors.relabel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pyrocamel.processors.support.YamlTree;

/**
 * Reads relabel rules from YAML or JSON: a list of maps with the fields of Alloy's {@code rule} block, in camelCase
 * ({@code sourceLabels}, {@code separator}, {@code regex}, {@code modulus}, {@code targetLabel}, {@code replacement},
 * {@code action}) or with Alloy's snake_case names ({@code source_labels}, {@code target_label}) for copy-paste.
 *
 * <pre>
 * - sourceLabels: [env]
 *   targetLabel: __tmp_hash
 *   action: hashmod
 *   modulus: 2
 * - {sourceLabels: [__tmp_hash], action: drop, regex: ^1$}
 * </pre>
 *
 * <p>An omitted field takes its default. As in Prometheus's YAML loader, a field given as an explicit null
 * ({@code regex:} with no value, {@code ~} or {@code null}) is the empty value, not the default: {@code regex:} alone
 * means the empty regex, which matches only the empty string. Unknown fields are errors. Scalars are read as written
 * (no YAML type guessing). The action is matched case-insensitively.
 *
 * @since 0.1.0
 */
public final class RulesParser {

    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private RulesParser() {
    }

    /**
     * Parses the rules (not yet validated: see {@link RelabelRules#of}). An empty text is an empty list.
     *
     * @throws InvalidRelabelRuleException when the text is malformed or a field has the wrong shape
     */
    public static List<RelabelRule> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Object tree;
        try {
            tree = YamlTree.parse(text, "rules");
        } catch (YamlTree.YamlException e) {
            throw new InvalidRelabelRuleException(-1, null, e.getMessage(), e);
        }
        return fromTree(tree);
    }

    /** Rules from an already parsed tree (a list of maps), e.g. from another configuration format. */
    public static List<RelabelRule> fromTree(Object tree) {
        if (tree == null) {
            return List.of();
        }
        if (!(tree instanceof List<?> list)) {
            throw new InvalidRelabelRuleException(-1, null,
                    "rules must be a list of rules (a YAML/JSON list of maps), got " + describe(tree));
        }
        List<RelabelRule> rules = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Map<?, ?> map)) {
                throw new InvalidRelabelRuleException(i, null, "a rule must be a map of fields, got " + describe(item));
            }
            rules.add(rule(i, map));
        }
        return List.copyOf(rules);
    }

    private static RelabelRule rule(int i, Map<?, ?> map) {
        RelabelRule.Builder b = RelabelRule.builder();
        boolean[] seen = new boolean[7];
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            int field = switch (key) {
                case "sourceLabels", "source_labels" -> 0;
                case "separator" -> 1;
                case "regex" -> 2;
                case "modulus" -> 3;
                case "targetLabel", "target_label" -> 4;
                case "replacement" -> 5;
                case "action" -> 6;
                default -> throw new InvalidRelabelRuleException(i, key, "unknown field \"" + key
                        + "\" (fields: sourceLabels, separator, regex, modulus, targetLabel, replacement, action)");
            };
            if (seen[field]) {
                throw new InvalidRelabelRuleException(i, key, "field \"" + key + "\" is given twice");
            }
            seen[field] = true;
            switch (field) {
                case 0 -> b.sourceLabels(stringList(i, "sourceLabels", v));
                case 1 -> b.separator(string(i, "separator", v));
                case 2 -> b.regex(string(i, "regex", v));
                case 3 -> b.modulus(modulus(i, v));
                case 4 -> b.targetLabel(string(i, "targetLabel", v));
                case 5 -> b.replacement(string(i, "replacement", v));
                default -> b.action(action(i, v));
            }
        }
        return b.build();
    }

    private static String string(int i, String field, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw new InvalidRelabelRuleException(i, field, field + " must be a string, got " + describe(v));
    }

    private static List<String> stringList(int i, String field, Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new InvalidRelabelRuleException(i, field, field + " must be a list of label names, got "
                    + describe(v));
        }
        List<String> names = new ArrayList<>(l.size());
        for (Object o : l) {
            if (o instanceof List<?> || o instanceof Map<?, ?>) {
                throw new InvalidRelabelRuleException(i, field, field + " must be a list of label names, got "
                        + describe(v));
            }
            names.add(o == null ? "" : o.toString());
        }
        return names;
    }

    private static long modulus(int i, Object v) {
        if (v == null) {
            return 0;
        }
        String s = string(i, "modulus", v).trim();
        BigInteger n;
        try {
            n = new BigInteger(s);
        } catch (NumberFormatException e) {
            throw new InvalidRelabelRuleException(i, "modulus", "modulus must be an unsigned integer, got \"" + s
                    + "\"");
        }
        if (n.signum() < 0 || n.compareTo(MAX_U64) > 0) {
            throw new InvalidRelabelRuleException(i, "modulus", "modulus must be an unsigned 64-bit integer, got "
                    + s);
        }
        return n.longValue();
    }

    private static RelabelAction action(int i, Object v) {
        String s = string(i, "action", v);
        if (s.isEmpty()) {
            throw new InvalidRelabelRuleException(i, "action", "action must not be empty (one of "
                    + RelabelAction.names() + ")");
        }
        RelabelAction a = RelabelAction.fromId(s);
        if (a == null) {
            throw new InvalidRelabelRuleException(i, "action", "unknown action \"" + s + "\" (one of "
                    + RelabelAction.names() + ")");
        }
        return a;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "a map";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return "\"" + v + "\"";
    }

    /** The rules as a compact JSON list (camelCase fields, defaults left out). */
    static String toJson(RelabelRules rules) {
        return YamlTree.toJson(rules.toMaps());
    }
}
