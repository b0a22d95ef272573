package io.pyrocamel.scrape.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

/**
 * Prometheus target groups, the format of file_sd files and http_sd responses:
 * {@code [{"targets": ["host:port", ...], "labels": {"env": "prod"}}, ...]}. Each entry of {@code targets} becomes one
 * target with {@code __address__} = the entry, the group's labels and the source label ({@code __meta_filepath} or
 * {@code __meta_url}); a group label named {@code __address__} is overridden by the entry, as in Prometheus.
 *
 * @since 0.1.0
 */
public final class TargetGroups {

    private static final Set<String> GROUP_KEYS = Set.of("targets", "labels");

    private TargetGroups() {
    }

    /**
     * Parses a document of target groups.
     *
     * @param text        the document (JSON or YAML)
     * @param strict      reject unknown keys in a group (Prometheus reads YAML strictly, JSON leniently)
     * @param sourceLabel the label naming the source, e.g. {@code __meta_filepath}
     * @param source      its value
     * @throws IllegalArgumentException describing the first problem
     */
    public static List<Target> parse(String text, boolean strict, String sourceLabel, String source) {
        Object tree = YamlValues.parse(text, source);
        if (tree == null) {
            return List.of();
        }
        if (!(tree instanceof List<?> groups)) {
            throw new IllegalArgumentException("expected a list of target groups ([{\"targets\": [...], \"labels\":"
                                               + " {...}}]), found " + kind(tree));
        }
        List<Target> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Object item = groups.get(g);
            if (!(item instanceof Map<?, ?> group)) {
                throw new IllegalArgumentException("target group [" + g + "] is " + kind(item) + ", not a map");
            }
            if (strict) {
                for (Object k : group.keySet()) {
                    if (!GROUP_KEYS.contains(String.valueOf(k))) {
                        throw new IllegalArgumentException("target group [" + g + "]: unknown field \"" + k
                                                           + "\" (allowed: targets, labels)");
                    }
                }
            }
            Labels.Builder common = Labels.builder();
            Object labels = group.get("labels");
            if (labels != null && !(labels instanceof String s && s.isEmpty())) {
                if (!(labels instanceof Map<?, ?> lm)) {
                    throw new IllegalArgumentException("target group [" + g + "]: labels must be a map");
                }
                for (Map.Entry<?, ?> e : lm.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    Object v = e.getValue();
                    if (v instanceof List<?> || v instanceof Map<?, ?>) {
                        throw new IllegalArgumentException("target group [" + g + "]: label \"" + name
                                                           + "\" must have a string value");
                    }
                    if (!LabelNames.isPrometheusName(name)) {
                        throw new IllegalArgumentException("target group [" + g + "]: \"" + name
                                                           + "\" is not a valid label name");
                    }
                    set(common, name, v == null ? "" : v.toString(), g);
                }
            }
            set(common, sourceLabel, source, g);
            Object targets = group.get("targets");
            if (targets == null || targets instanceof String s && s.isEmpty()) {
                continue;
            }
            if (!(targets instanceof List<?> tl)) {
                throw new IllegalArgumentException("target group [" + g + "]: targets must be a list of host:port"
                                                   + " strings");
            }
            for (Object t : tl) {
                if (!(t instanceof String address)) {
                    throw new IllegalArgumentException("target group [" + g + "]: targets must be strings, found "
                                                       + kind(t));
                }
                Labels.Builder b = Labels.builder().setAll(common.build());
                set(b, LabelNames.ADDRESS, address, g);
                out.add(new Target(b.build()));
            }
        }
        return List.copyOf(out);
    }

    private static void set(Labels.Builder b, String name, String value, int group) {
        try {
            b.set(name, value);
        } catch (InvalidLabelException e) {
            throw new IllegalArgumentException("target group [" + group + "]: " + e.getMessage(), e);
        }
    }

    private static String kind(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map<?, ?>) {
            return "a map";
        }
        if (o instanceof List<?>) {
            return "a list";
        }
        return "\"" + o + "\"";
    }
}
