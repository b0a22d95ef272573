package io.pyrocamel.processors.relabel;

/**
 * The groups of a successful match of a {@link RuleRegex}.
 *
 * @since 0.1.0
 */
interface RegexMatch {

    /** Group {@code i} (0 = the whole match), or {@code null} when it did not take part or does not exist. */
    String group(int i);
}
