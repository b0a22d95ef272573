package io.pyrocamel.core;

/**
 * A label name or value that breaks the Pyroscope label rules (SPEC.md §4.2). The message always names the label.
 */
public final class InvalidLabelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String labelName;

    public InvalidLabelException(String labelName, String message) {
        super(message);
        this.labelName = labelName;
    }

    /** The offending label name, as given (may be empty). */
    public String labelName() {
        return labelName;
    }
}
