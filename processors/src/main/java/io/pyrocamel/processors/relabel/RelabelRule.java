package io.pyrocamel.processors.relabel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One relabel rule, as written: the fields of Alloy's {@code rule} block (Prometheus {@code relabel_config}). Immutable
 * and not yet validated; {@link RelabelRules#of(List)} validates and compiles a list of them. Use {@link #builder()}
 * for the defaults.
 *
 * @param sourceLabels labels whose values are joined with {@code separator} (missing labels count as {@code ""})
 * @param separator    joins the source values; default {@value #DEFAULT_SEPARATOR}
 * @param regex        RE2 expression, anchored as {@code ^(?s:regex)$}; default {@value #DEFAULT_REGEX}
 * @param modulus      hashmod modulus, an unsigned 64-bit value (0 = unset)
 * @param targetLabel  label written by replace, hashmod, lowercase, uppercase; compared by keepequal, dropequal
 *                     ({@code ""} = unset)
 * @param replacement  Go template expanded with the regex groups; default {@value #DEFAULT_REPLACEMENT}
 * @param action       what the rule does; default {@link RelabelAction#REPLACE}
 * @since 0.1.0
 */
public record RelabelRule(List<String> sourceLabels, String separator, String regex, long modulus, String targetLabel,
                          String replacement, RelabelAction action) {

    public static final String DEFAULT_SEPARATOR = ";";
    public static final String DEFAULT_REGEX = "(.*)";
    public static final String DEFAULT_REPLACEMENT = "$1";
    public static final RelabelAction DEFAULT_ACTION = RelabelAction.REPLACE;

    public RelabelRule {
        sourceLabels = List.copyOf(sourceLabels);
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(targetLabel, "targetLabel");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(action, "action");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().sourceLabels(sourceLabels).separator(separator).regex(regex).modulus(modulus)
                .targetLabel(targetLabel).replacement(replacement).action(action);
    }

    /**
     * The rule as a map with the camelCase field names, leaving out fields at their default (what {@code getRules}
     * exports and {@link RelabelRules#parse} reads back).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!sourceLabels.isEmpty()) {
            m.put("sourceLabels", sourceLabels);
        }
        if (!separator.equals(DEFAULT_SEPARATOR)) {
            m.put("separator", separator);
        }
        if (!regex.equals(DEFAULT_REGEX)) {
            m.put("regex", regex);
        }
        if (modulus != 0) {
            m.put("modulus", modulus > 0 ? (Object) modulus : new BigInteger(Long.toUnsignedString(modulus)));
        }
        if (!targetLabel.isEmpty()) {
            m.put("targetLabel", targetLabel);
        }
        if (!replacement.equals(DEFAULT_REPLACEMENT)) {
            m.put("replacement", replacement);
        }
        m.put("action", action.id());
        return m;
    }

    @Override
    public String toString() {
        return "RelabelRule" + toMap();
    }

    /** Builds a rule; unset fields take the Prometheus/Alloy defaults. Not thread-safe. */
    public static final class Builder {
        private List<String> sourceLabels = List.of();
        private String separator = DEFAULT_SEPARATOR;
        private String regex = DEFAULT_REGEX;
        private long modulus;
        private String targetLabel = "";
        private String replacement = DEFAULT_REPLACEMENT;
        private RelabelAction action = DEFAULT_ACTION;

        private Builder() {
        }

        public Builder sourceLabels(List<String> names) {
            this.sourceLabels = new ArrayList<>(names);
            return this;
        }

        public Builder sourceLabels(String... names) {
            return sourceLabels(Arrays.asList(names));
        }

        public Builder separator(String separator) {
            this.separator = separator;
            return this;
        }

        public Builder regex(String regex) {
            this.regex = regex;
            return this;
        }

        /** The modulus as an unsigned 64-bit value. */
        public Builder modulus(long modulus) {
            this.modulus = modulus;
            return this;
        }

        public Builder targetLabel(String targetLabel) {
            this.targetLabel = targetLabel;
            return this;
        }

        public Builder replacement(String replacement) {
            this.replacement = replacement;
            return this;
        }

        public Builder action(RelabelAction action) {
            this.action = action;
            return this;
        }

        public RelabelRule build() {
            return new RelabelRule(sourceLabels, separator, regex, modulus, targetLabel, replacement, action);
        }
    }
}
