package io.pyrocamel.processors.relabel;

import java.util.List;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts of {@link RuleRegex} (literal, literal + .*, literal alternation, required prefix) give exactly what
 * RE2/J gives on the anchored expression, for matching and for the groups.
 */
class RuleRegexFastPathTest {

    private static final List<String> REGEXES = List.of(
            "(.*)", ".*", "", "foo", "foo.*", "kube-system|monitoring", "a||b", "a|", "|a", "__meta_.*",
            "__meta_kubernetes_pod_label_(.+)", "ab?c", "ab*", "a{2}", "abc\\d+", "ab(c)*", "abc(?i)def", "f|o",
            "^1$", "dev", "prod", "a.b", "x-y=z,w:v/u #t", "ünï.*", "日本|語", "é?x", "a\\.b", ".*_total$",
            "(a|ab)(.*)", "(?i)PROD", "ab)(?:x");

    private static final List<String> INPUTS = List.of(
            "", "foo", "foobar", "fo", "kube-system", "monitoring", "kube", "a", "b", "ab", "abc", "ac", "aa", "abc1",
            "abccc", "abcDEF", "abcdef", "1", "dev", "prod", "a\nb", "a.b", "axb", "x-y=z,w:v/u #t", "ünïcode", "日本",
            "語", "éx", "x", "http_requests_total", "__meta_kubernetes_pod_label_app", "__meta_other", "abx",
            "__meta_kubernetes_pod_label_", "foo\n");

    @Test
    void shortcutsAgreeWithRe2j() {
        int checked = 0;
        for (String regex : REGEXES) {
            RuleRegex fast = RuleRegex.compile(regex);
            Pattern ref = Pattern.compile("^(?s:" + regex + ")$");
            for (String in : INPUTS) {
                Matcher m = ref.matcher(in);
                boolean expected = m.find();
                assertThat(fast.matches(in)).as("%s ~ %s", regex, in).isEqualTo(expected);
                RegexMatch got = fast.match(in);
                assertThat(got != null).as("%s match %s", regex, in).isEqualTo(expected);
                if (expected) {
                    for (int g = 0; g <= m.groupCount() + 1; g++) {
                        String want = g <= m.groupCount() ? m.group(g) : null;
                        assertThat(got.group(g)).as("%s group %d of %s", regex, g, in).isEqualTo(want);
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(REGEXES.size() * INPUTS.size());
    }
}
