package io.pyrocamel.processors.relabel;

import java.util.ArrayList;
import java.util.List;

import io.pyrocamel.core.Labels;

/**
 * The label set while rules run: Prometheus's {@code labels.Builder} (base set + added + deleted), so that
 * {@link #snapshot()} sees labels in the same order as Prometheus's {@code Builder.Range} (base labels in name order,
 * then added labels in the order they were added). That order decides which value wins when a labelmap maps two names
 * onto one. Not thread-safe; one per {@link Relabeler#process} call.
 *
 * @since 0.1.0
 */
final class WorkingLabels {

    private final Labels base;
    private final List<String> addNames = new ArrayList<>(4);
    private final List<String> addValues = new ArrayList<>(4);
    private final List<String> del = new ArrayList<>(4);

    WorkingLabels(Labels base) {
        this.base = base;
    }

    /** The value of {@code name}, {@code ""} when absent. */
    String get(String name) {
        int i = addNames.indexOf(name);
        if (i >= 0) {
            return addValues.get(i);
        }
        if (del.contains(name)) {
            return "";
        }
        return base.getOrEmpty(name);
    }

    /** Sets {@code name}; an empty value deletes. */
    void set(String name, String value) {
        if (value.isEmpty()) {
            delete(name);
            return;
        }
        int i = addNames.indexOf(name);
        if (i >= 0) {
            addValues.set(i, value);
            return;
        }
        addNames.add(name);
        addValues.add(value);
    }

    void delete(String name) {
        int i = addNames.indexOf(name);
        if (i >= 0) {
            addNames.remove(i);
            addValues.remove(i);
        }
        del.add(name);
    }

    /** The current labels as name/value pairs (flattened), in Prometheus's {@code Range} order. */
    String[] snapshot() {
        List<String> out = new ArrayList<>(2 * (base.size() + addNames.size()));
        for (int i = 0; i < base.size(); i++) {
            String n = base.name(i);
            if (!del.contains(n) && !addNames.contains(n)) {
                out.add(n);
                out.add(base.value(i));
            }
        }
        for (int i = 0; i < addNames.size(); i++) {
            out.add(addNames.get(i));
            out.add(addValues.get(i));
        }
        return out.toArray(new String[0]);
    }

    Labels build() {
        if (addNames.isEmpty() && del.isEmpty()) {
            return base;
        }
        Labels.Builder b = base.toBuilder();
        for (String n : del) {
            b.remove(n);
        }
        for (int i = 0; i < addNames.size(); i++) {
            b.set(addNames.get(i), addValues.get(i));
        }
        return b.build();
    }
}
