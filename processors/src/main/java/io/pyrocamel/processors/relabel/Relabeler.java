package io.pyrocamel.processors.relabel;

import java.util.Objects;

import io.pyrocamel.core.Labels;

/**
 * Applies {@link RelabelRules} to label sets: Prometheus's {@code relabel.ProcessBuilder}. Rules run in order; the
 * first rule that drops ends processing. Thread-safe and allocation-light; no cache (see {@link CachingRelabeler}).
 *
 * @since 0.1.0
 */
public final class Relabeler {

    private final RelabelRules rules;

    public Relabeler(RelabelRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public RelabelRules rules() {
        return rules;
    }

    /**
     * Relabels {@code input}.
     *
     * @return the new labels (the same instance when nothing changed; possibly empty when the rules removed every
     *         label), or {@code null} when a rule dropped the set
     */
    public Labels process(Labels input) {
        CompiledRule[] compiled = rules.compiled();
        if (compiled.length == 0) {
            return input;
        }
        WorkingLabels lb = new WorkingLabels(input);
        for (CompiledRule r : compiled) {
            if (!r.apply(lb)) {
                return null;
            }
        }
        return lb.build();
    }
}
