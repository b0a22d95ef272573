package io.pyrocamel.processors.relabel;

/**
 * A relabel rule (or a list of rules) that cannot be used: the message names the rule index and the field, e.g.
 * {@code rule[2]: action "hashmod" requires modulus > 0}.
 *
 * @since 0.1.0
 */
public final class InvalidRelabelRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int ruleIndex;
    private final String field;

    public InvalidRelabelRuleException(int ruleIndex, String field, String message) {
        this(ruleIndex, field, message, null);
    }

    public InvalidRelabelRuleException(int ruleIndex, String field, String message, Throwable cause) {
        super(ruleIndex < 0 ? message : "rule[" + ruleIndex + "]: " + message, cause);
        this.ruleIndex = ruleIndex;
        this.field = field;
    }

    /** Index of the offending rule in its list (0-based), or -1 when the list itself is malformed. */
    public int ruleIndex() {
        return ruleIndex;
    }

    /** The offending field in camelCase ({@code "targetLabel"}), or {@code null} when not about one field. */
    public String field() {
        return field;
    }
}
