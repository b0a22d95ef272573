package io.pyrocamel.processors.relabel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.pyrocamel.core.LabelNames;

/**
 * A validated, compiled, immutable list of relabel rules, applied in order. Validation follows Alloy's
 * {@code relabel.Config.Validate} (SPEC.md §6.1); every error names the rule index and field.
 *
 * <p>Equality is by the rules' content, so two lists with the same rules are equal.
 *
 * @since 0.1.0
 */
public final class RelabelRules {

    private static final RelabelRules EMPTY = new RelabelRules(List.of(), new CompiledRule[0]);

    /** Prometheus's {@code relabelTarget}: a legacy label name that may contain {@code $1} / {@code ${name}}. */
    private static final Pattern TEMPLATED_NAME = Pattern.compile("^(?:(?:[a-zA-Z_]|\\$(?:\\{\\w+\\}|\\w+))+\\w*)+$");

    private final List<RelabelRule> rules;
    private final CompiledRule[] compiled;

    private RelabelRules(List<RelabelRule> rules, CompiledRule[] compiled) {
        this.rules = rules;
        this.compiled = compiled;
    }

    /** No rules: every label set passes unchanged. */
    public static RelabelRules empty() {
        return EMPTY;
    }

    /**
     * Validates and compiles {@code rules}.
     *
     * @throws InvalidRelabelRuleException naming the first invalid rule and field
     */
    public static RelabelRules of(List<RelabelRule> rules) {
        if (rules.isEmpty()) {
            return EMPTY;
        }
        List<RelabelRule> copy = List.copyOf(rules);
        CompiledRule[] compiled = new CompiledRule[copy.size()];
        for (int i = 0; i < copy.size(); i++) {
            compiled[i] = compile(i, copy.get(i));
        }
        return new RelabelRules(copy, compiled);
    }

    public static RelabelRules of(RelabelRule... rules) {
        return of(List.of(rules));
    }

    /**
     * Parses, validates and compiles a YAML or JSON list of rules (see {@link RulesParser}).
     *
     * @throws InvalidRelabelRuleException when the text is malformed or a rule is invalid
     */
    public static RelabelRules parse(String yamlOrJson) {
        return of(RulesParser.parse(yamlOrJson));
    }

    /** Whether {@code rule} is valid at position {@code index}; throws the error otherwise. */
    public static void validate(int index, RelabelRule rule) {
        compile(index, rule);
    }

    private static CompiledRule compile(int i, RelabelRule r) {
        RuleRegex regex;
        try {
            regex = RuleRegex.compile(r.regex());
        } catch (PatternSyntaxException e) {
            throw new InvalidRelabelRuleException(i, "regex",
                    "invalid regex \"" + r.regex() + "\": " + e.getDescription() + " (RE2 syntax)", e);
        }
        RelabelAction a = r.action();
        String q = "action \"" + a.id() + "\"";
        if (a == RelabelAction.HASHMOD && r.modulus() == 0) {
            throw new InvalidRelabelRuleException(i, "modulus", q + " requires modulus > 0");
        }
        boolean needsTarget = switch (a) {
            case REPLACE, HASHMOD, LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL -> true;
            default -> false;
        };
        if (needsTarget && r.targetLabel().isEmpty()) {
            throw new InvalidRelabelRuleException(i, "targetLabel", q + " requires targetLabel");
        }
        if (a == RelabelAction.REPLACE) {
            String t = r.targetLabel();
            boolean ok = t.contains("$") ? TEMPLATED_NAME.matcher(t).find() : LabelNames.isPrometheusName(t);
            if (!ok) {
                throw new InvalidRelabelRuleException(i, "targetLabel", "targetLabel \"" + t + "\" is invalid for " + q
                        + ": a label name [a-zA-Z_][a-zA-Z0-9_]* that may contain $1 or ${name} references");
            }
        }
        boolean plainTarget = switch (a) {
            case LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL, HASHMOD -> true;
            default -> false;
        };
        if (plainTarget && !LabelNames.isPrometheusName(r.targetLabel())) {
            throw new InvalidRelabelRuleException(i, "targetLabel", "targetLabel \"" + r.targetLabel()
                    + "\" is invalid for " + q + ": must be a label name [a-zA-Z_][a-zA-Z0-9_]*");
        }
        boolean noReplacement = switch (a) {
            case LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL -> true;
            default -> false;
        };
        if (noReplacement && !r.replacement().equals(RelabelRule.DEFAULT_REPLACEMENT)) {
            throw new InvalidRelabelRuleException(i, "replacement", "replacement can not be set for " + q);
        }
        if (a == RelabelAction.LABELMAP && !TEMPLATED_NAME.matcher(r.replacement()).find()) {
            throw new InvalidRelabelRuleException(i, "replacement", "replacement \"" + r.replacement()
                    + "\" is invalid for " + q + ": must be a label name that may contain $1 or ${name} references");
        }
        if (a == RelabelAction.LABELDROP || a == RelabelAction.LABELKEEP) {
            String extra = !r.sourceLabels().isEmpty() ? "sourceLabels"
                    : !r.targetLabel().isEmpty() ? "targetLabel"
                    : r.modulus() != 0 ? "modulus"
                    : !r.separator().equals(RelabelRule.DEFAULT_SEPARATOR) ? "separator"
                    : !r.replacement().equals(RelabelRule.DEFAULT_REPLACEMENT) ? "replacement" : null;
            if (extra != null) {
                throw new InvalidRelabelRuleException(i, extra, q + " takes only regex, and no other fields (" + extra
                        + " is set)");
            }
        }
        if (a == RelabelAction.KEEPEQUAL || a == RelabelAction.DROPEQUAL) {
            String extra = !r.regex().equals(RelabelRule.DEFAULT_REGEX) ? "regex"
                    : r.modulus() != 0 ? "modulus"
                    : !r.separator().equals(RelabelRule.DEFAULT_SEPARATOR) ? "separator"
                    : !r.replacement().equals(RelabelRule.DEFAULT_REPLACEMENT) ? "replacement" : null;
            if (extra != null) {
                throw new InvalidRelabelRuleException(i, extra, q
                        + " takes only sourceLabels and targetLabel, and no other fields (" + extra + " is set)");
            }
        }
        return new CompiledRule(r, regex);
    }

    /** The rules, in order (unmodifiable). */
    public List<RelabelRule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    CompiledRule[] compiled() {
        return compiled;
    }

    /** The rules as a list of maps with camelCase field names (defaults left out). */
    public List<Map<String, Object>> toMaps() {
        List<Map<String, Object>> l = new ArrayList<>(rules.size());
        for (RelabelRule r : rules) {
            l.add(r.toMap());
        }
        return Collections.unmodifiableList(l);
    }

    /** The rules as a JSON list that {@link #parse} reads back to equal rules. */
    public String toJson() {
        return RulesParser.toJson(this);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof RelabelRules other && rules.equals(other.rules));
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
