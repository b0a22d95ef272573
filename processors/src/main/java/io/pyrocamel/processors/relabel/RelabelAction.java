package io.pyrocamel.processors.relabel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The eleven relabel actions (SPEC.md §6.1). {@link #id()} is the name used in rules ({@code "hashmod"}).
 *
 * @since 0.1.0
 */
public enum RelabelAction {
    /** Regex matches the joined source values: expand {@code targetLabel} and {@code replacement}, set (empty deletes). */
    REPLACE("replace"),
    /** Drop unless the regex matches. */
    KEEP("keep"),
    /** Drop if the regex matches. */
    DROP("drop"),
    /** Drop unless the joined source values equal the value of {@code targetLabel}. */
    KEEPEQUAL("keepequal"),
    /** Drop if the joined source values equal the value of {@code targetLabel}. */
    DROPEQUAL("dropequal"),
    /** MD5 of the joined source values, bytes 8..15 as unsigned big-endian, modulo {@code modulus}, into the target. */
    HASHMOD("hashmod"),
    /** Copy every label whose name matches to the name given by expanding {@code replacement}. */
    LABELMAP("labelmap"),
    /** Remove every label whose name matches. */
    LABELDROP("labeldrop"),
    /** Remove every label whose name does not match. */
    LABELKEEP("labelkeep"),
    /** Set {@code targetLabel} to the lower-cased joined source values. */
    LOWERCASE("lowercase"),
    /** Set {@code targetLabel} to the upper-cased joined source values. */
    UPPERCASE("uppercase");

    private final String id;

    RelabelAction(String id) {
        this.id = id;
    }

    /** The action's name in a rule, e.g. {@code "labeldrop"}. */
    public String id() {
        return id;
    }

    /** All action names, comma separated, in declaration order. */
    public static String names() {
        return Arrays.stream(values()).map(RelabelAction::id).collect(Collectors.joining(", "));
    }

    /**
     * The action named {@code name}, case-insensitively (as Prometheus's YAML loader accepts it), or {@code null}.
     */
    public static RelabelAction fromId(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (RelabelAction a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
