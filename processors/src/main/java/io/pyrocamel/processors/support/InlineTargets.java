package io.pyrocamel.processors.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

/**
 * A static target list written inline: a YAML or JSON list of label maps,
 * {@code [{"pod_ip": "10.0.0.1", "namespace": "shop"}, ...]}. Values are read as written; empty values are absent
 * labels.
 *
 * @since 0.1.0
 */
public final class InlineTargets {

    private InlineTargets() {
    }

    /**
     * Parses {@code text}; an empty text is an empty list.
     *
     * @throws IllegalArgumentException naming the target index
     */
    public static List<Target> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Object tree = YamlTree.parse(text, "targets");
        if (tree == null) {
            return List.of();
        }
        if (!(tree instanceof List<?> list)) {
            throw new IllegalArgumentException("targets must be a list of label maps, e.g."
                    + " [{\"pod_ip\": \"10.0.0.1\", \"namespace\": \"shop\"}]");
        }
        List<Target> targets = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("target[" + i + "] must be a map of label names to values");
            }
            Labels.Builder b = Labels.builder();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                if (v instanceof List<?> || v instanceof Map<?, ?>) {
                    throw new IllegalArgumentException("target[" + i + "]: label " + e.getKey()
                            + " must have a string value");
                }
                try {
                    b.set(String.valueOf(e.getKey()), v == null ? "" : v.toString());
                } catch (InvalidLabelException ex) {
                    throw new IllegalArgumentException("target[" + i + "]: " + ex.getMessage(), ex);
                }
            }
            targets.add(new Target(b.build()));
        }
        return List.copyOf(targets);
    }
}
