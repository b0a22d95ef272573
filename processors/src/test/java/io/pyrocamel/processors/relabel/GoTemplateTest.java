package io.pyrocamel.processors.relabel;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Go {@code regexp.Expand} rules (SPEC.md §6.1). The match: group 1 = "a", group 2 = "b", group 3 (named "n") = "c",
 * group 4 unmatched, whole match "abc".
 */
class GoTemplateTest {

    private static final RegexMatch MATCH = i -> switch (i) {
        case 0 -> "abc";
        case 1 -> "a";
        case 2 -> "b";
        case 3 -> "c";
        default -> null;
    };

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "$1|a",
            "${1}|a",
            "$0|abc",
            "$1$2$3|abc",
            "$n|c",
            "${n}x|cx",
            "$nx|",
            "$1x|",
            "${1}x|ax",
            "$$|$",
            "$$1|$1",
            "x$|x$",
            "${1|${1",
            "${}|${}",
            "$-|$-",
            "$01|",
            "$4|",
            "$9|",
            "$100000000|",
            "a$1b${2}c|abc",
            "a${1}b${2}c|aabbc",
            "$ä|",
            "${1}${1}|aa",
            "no refs|no refs",
            "|",
    })
    void expands(String template, String expected) {
        GoTemplate t = GoTemplate.compile(template == null ? "" : template, Map.of("n", 3));
        assertThat(t.expand(MATCH)).isEqualTo(expected == null ? "" : expected);
    }
}
