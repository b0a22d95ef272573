package io.pyrocamel.processors.relabel;

import java.time.Duration;
import java.util.regex.Pattern;

import io.pyrocamel.core.Labels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A rule that backtracks catastrophically in java.util.regex ({@code (a+)+b} on "aaaa…a!", 2^n steps) finishes at once
 * with RE2/J. The timeout is generous (10 s) and only guards against a hang; it is not a speed assertion.
 */
class Re2LinearTimeTest {

    @Test
    void nestedQuantifierOnANonMatchingValueDoesNotHang() {
        String value = "a".repeat(5_000) + "!";
        RelabelRules rules = RelabelRules.parse("- {sourceLabels: [a], regex: '(a+)+b', action: drop}");
        Labels in = Labels.of("a", value);
        Labels out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Labels r = null;
            for (int i = 0; i < 100; i++) {
                r = new Relabeler(rules).process(in);
            }
            return r;
        });
        assertThat(out).isEqualTo(in);
    }

    @Test
    void javaUtilRegexWouldBacktrackOnTheSameInput() {
        // sanity check that the case above is a real catastrophic-backtracking case: java.util.regex needs ~2^n steps,
        // so even n = 22 takes a measurable while, where RE2/J handles n = 5000 in microseconds. We only show that
        // java.util.regex gives the same answer on a small n (no timing assertion).
        assertThat(Pattern.compile("^(?s:(a+)+b)$").matcher("a".repeat(12) + "!").find()).isFalse();
    }
}
