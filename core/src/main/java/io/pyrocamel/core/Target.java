package io.pyrocamel.core;

import java.util.Map;
import java.util.Objects;

/**
 * Something to profile, described by its labels ({@code __address__}, {@code __process_pid__}, {@code __meta_*}, ...).
 */
public record Target(Labels labels) {

    public Target {
        Objects.requireNonNull(labels, "labels");
    }

    public static Target of(Map<String, String> labels) {
        return new Target(Labels.of(labels));
    }

    public static Target of(String... namesAndValues) {
        return new Target(Labels.of(namesAndValues));
    }

    /** The value of a label, or {@code null}. */
    public String get(String name) {
        return labels.get(name);
    }

    @Override
    public String toString() {
        return "Target" + labels;
    }
}
