package io.pyrocamel.processors.relabel;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invalid configurations and their messages (Alloy's {@code relabel.Config.Validate}, Prometheus's
 * {@code TestRelabelValidate} / {@code TestTargetLabelLegacyValidity} with the legacy name scheme Alloy's
 * pyroscope.relabel uses), plus what RE2 rejects.
 */
class RelabelRulesValidationTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                // rules, rule index, field, message fragment
                Arguments.of("- {action: ''}", 0, "action", "rule[0]: action must not be empty"),
                Arguments.of("- {action: relabel}", 0, "action", "rule[0]: unknown action \"relabel\" (one of replace, keep"),
                Arguments.of("- {sourceLabels: [a]}", 0, "targetLabel", "rule[0]: action \"replace\" requires targetLabel"),
                Arguments.of("- {action: lowercase}", 0, "targetLabel", "rule[0]: action \"lowercase\" requires targetLabel"),
                Arguments.of("- {action: uppercase}", 0, "targetLabel", "requires targetLabel"),
                Arguments.of("- {action: keepequal}", 0, "targetLabel", "requires targetLabel"),
                Arguments.of("- {action: dropequal}", 0, "targetLabel", "requires targetLabel"),
                Arguments.of("- {action: drop, regex: x}\n- {action: keep}\n- {action: hashmod, targetLabel: h}", 2,
                        "modulus", "rule[2]: action \"hashmod\" requires modulus > 0"),
                Arguments.of("- {action: hashmod, modulus: 2}", 0, "targetLabel", "action \"hashmod\" requires targetLabel"),
                Arguments.of("- {action: hashmod, modulus: 2, targetLabel: 'a-b'}", 0, "targetLabel",
                        "targetLabel \"a-b\" is invalid for action \"hashmod\""),
                Arguments.of("- {action: lowercase, targetLabel: '${3}'}", 0, "targetLabel",
                        "targetLabel \"${3}\" is invalid for action \"lowercase\""),
                Arguments.of("- {action: uppercase, targetLabel: 'a.b'}", 0, "targetLabel", "is invalid for action \"uppercase\""),
                Arguments.of("- {action: keepequal, targetLabel: '0a'}", 0, "targetLabel", "is invalid for action \"keepequal\""),
                Arguments.of("- {sourceLabels: [a], regex: 'some-([^-]+)-([^,]+)', replacement: '${1}', targetLabel: '0${3}'}",
                        0, "targetLabel", "targetLabel \"0${3}\" is invalid for action \"replace\""),
                Arguments.of("- {sourceLabels: [a], regex: 'some-([^-]+)-([^,]+)', replacement: '${1}', targetLabel: '-${3}'}",
                        0, "targetLabel", "targetLabel \"-${3}\" is invalid for action \"replace\""),
                Arguments.of("- {sourceLabels: [a], targetLabel: 'utf-8.label'}", 0, "targetLabel",
                        "targetLabel \"utf-8.label\" is invalid for action \"replace\""),
                Arguments.of("- {action: lowercase, targetLabel: t, replacement: x}", 0, "replacement",
                        "replacement can not be set for action \"lowercase\""),
                Arguments.of("- {action: uppercase, targetLabel: t, replacement: x}", 0, "replacement",
                        "replacement can not be set for action \"uppercase\""),
                Arguments.of("- {action: dropequal, targetLabel: t, regex: x}", 0, "regex",
                        "action \"dropequal\" takes only sourceLabels and targetLabel, and no other fields (regex is set)"),
                Arguments.of("- {action: keepequal, targetLabel: t, separator: ','}", 0, "separator",
                        "(separator is set)"),
                Arguments.of("- {action: keepequal, targetLabel: t, modulus: 3}", 0, "modulus", "(modulus is set)"),
                Arguments.of("- {action: labeldrop, sourceLabels: [a]}", 0, "sourceLabels",
                        "action \"labeldrop\" takes only regex, and no other fields (sourceLabels is set)"),
                Arguments.of("- {action: labelkeep, targetLabel: a}", 0, "targetLabel", "(targetLabel is set)"),
                Arguments.of("- {action: labelkeep, replacement: x}", 0, "replacement", "(replacement is set)"),
                Arguments.of("- {action: labeldrop, separator: ','}", 0, "separator", "(separator is set)"),
                Arguments.of("- {action: labelmap, replacement: '-$1'}", 0, "replacement",
                        "replacement \"-$1\" is invalid for action \"labelmap\""),
                Arguments.of("- {action: labelmap, replacement: ''}", 0, "replacement", "is invalid for action \"labelmap\""),
                Arguments.of("- {regex: '(abc', targetLabel: t}", 0, "regex",
                        "rule[0]: invalid regex \"(abc\": missing closing )"),
                Arguments.of("- {regex: '(a)\\1', action: keep}", 0, "regex", "invalid escape sequence"),
                Arguments.of("- {regex: 'a(?=b)', action: keep}", 0, "regex", "invalid or unsupported Perl syntax"),
                Arguments.of("- {regex: 'a++', action: keep}", 0, "regex", "invalid nested repetition operator"),
                Arguments.of("- {regex: 'x{1001}', action: keep}", 0, "regex", "invalid repeat count"),
                Arguments.of("- {action: keep, bogus: 1}", 0, "bogus", "unknown field \"bogus\""),
                Arguments.of("- {sourceLabels: a, targetLabel: b}", 0, "sourceLabels", "sourceLabels must be a list"),
                Arguments.of("- {action: hashmod, targetLabel: h, modulus: -1}", 0, "modulus", "modulus must be an unsigned"),
                Arguments.of("- {action: hashmod, targetLabel: h, modulus: 18446744073709551616}", 0, "modulus",
                        "unsigned 64-bit"),
                Arguments.of("- {action: hashmod, targetLabel: h, modulus: two}", 0, "modulus", "unsigned integer"),
                Arguments.of("- {source_labels: [a], sourceLabels: [b], targetLabel: c}", 0, "sourceLabels", "given twice"),
                Arguments.of("- [a, b]", 0, null, "rule[0]: a rule must be a map"),
                Arguments.of("{action: keep}", -1, null, "rules must be a list"),
                Arguments.of("- {action: keep", -1, null, "rules is not valid YAML/JSON"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("invalid")
    void rejects(String rules, int index, String field, String message) {
        assertThatThrownBy(() -> RelabelRules.parse(rules))
                .isInstanceOf(InvalidRelabelRuleException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    InvalidRelabelRuleException ire = (InvalidRelabelRuleException) e;
                    assertThat(ire.ruleIndex()).isEqualTo(index);
                    assertThat(ire.field()).isEqualTo(field);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- {sourceLabels: [a], regex: 'some-([^-]+)-([^,]+)', replacement: '${1}', targetLabel: '${3}'}",
            "- {regex: '__meta_kubernetes_pod_label_(strimzi_io_.+)', action: labelmap, replacement: '$1'}",
            "- {regex: '__meta_(.+)', action: labelmap, replacement: '${1}'}",
            "- {action: labeldrop, regex: helm_sh_chart}",
            "- {action: keepequal, sourceLabels: [a, b], targetLabel: c, regex: '(.*)', separator: ';', replacement: '$1'}",
            "- {action: hashmod, sourceLabels: [a], targetLabel: __tmp_hash, modulus: 18446744073709551615}",
            "- {action: Replace, targetLabel: t}",
            "- {action: DROP, regex: x}",
    })
    void accepts(String rules) {
        assertThatCode(() -> RelabelRules.parse(rules)).doesNotThrowAnyException();
    }

    /** Prometheus TestTargetLabelLegacyValidity: which replace targets with $ references are accepted. */
    @ParameterizedTest(name = "\"{0}\" valid={1}")
    @CsvSource(delimiter = '|', value = {
            "-label|false", "label|true", "label${1}|true", "${1}label|true", "${1}|true", "${|false", "$|false",
            "${}|false", "foo${|false", "$1|true", "asd$2asd|true", "-foo${1}bar-|false", "bar.foo${1}bar|false",
            "_${1}_|true", "foo${bar}foo|true"})
    void replaceTargetValidity(String target, boolean valid) {
        RelabelRule rule = RelabelRule.builder().sourceLabels("a").targetLabel(target).build();
        if (valid) {
            assertThatCode(() -> RelabelRules.validate(0, rule)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> RelabelRules.validate(0, rule)).isInstanceOf(InvalidRelabelRuleException.class)
                    .hasMessageContaining("is invalid for action \"replace\"");
        }
    }

    @Test
    void errorPointsAtTheFirstInvalidRule() {
        assertThatThrownBy(() -> RelabelRules.parse("""
                - {sourceLabels: [a], targetLabel: b}
                - {action: labeldrop, regex: x}
                - {action: lowercase, targetLabel: '1x'}
                - {action: hashmod}
                """)).hasMessageStartingWith("rule[2]: targetLabel \"1x\" is invalid for action \"lowercase\"");
    }
}
