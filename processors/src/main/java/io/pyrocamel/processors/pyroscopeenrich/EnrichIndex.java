package io.pyrocamel.processors.pyroscopeenrich;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

/**
 * The lookup of {@code pyroscope.enrich} (SPEC.md §7): match value to the full label set of the target that has it
 * ({@code __meta_*} and {@code __address__} included). Targets without the match label are skipped; on duplicates
 * the last target wins. Immutable; rebuilt whenever the targets change.
 *
 * @since 0.1.0
 */
final class EnrichIndex {

    static final EnrichIndex EMPTY = new EnrichIndex(Map.of(), 0);

    private final Map<String, Labels> byValue;
    private final int targetCount;

    private EnrichIndex(Map<String, Labels> byValue, int targetCount) {
        this.byValue = byValue;
        this.targetCount = targetCount;
    }

    /** Index over {@code first} then {@code second} (so a target in {@code second} wins over one in {@code first}). */
    static EnrichIndex build(String targetMatchLabel, List<Target> first, List<Target> second) {
        Map<String, Labels> m = new HashMap<>(Math.max(16, 2 * (first.size() + second.size())));
        add(m, targetMatchLabel, first);
        add(m, targetMatchLabel, second);
        return new EnrichIndex(Map.copyOf(m), first.size() + second.size());
    }

    private static void add(Map<String, Labels> m, String label, List<Target> targets) {
        for (Target t : targets) {
            String v = t.labels().get(label);
            if (v != null && !v.isEmpty()) {
                m.put(v, t.labels());
            }
        }
    }

    Labels lookup(String value) {
        return byValue.get(value);
    }

    int size() {
        return byValue.size();
    }

    int targetCount() {
        return targetCount;
    }
}
