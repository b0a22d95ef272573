package io.pyrocamel.processors.relabel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulesParserTest {

    @Test
    void readsCamelCaseAndSnakeCaseFieldNames() {
        List<RelabelRule> camel = RulesParser.parse("""
                - sourceLabels: [env]
                  targetLabel: __tmp_hash
                  action: hashmod
                  modulus: 2
                """);
        List<RelabelRule> snake = RulesParser.parse("""
                - source_labels: ["env"]
                  target_label: "__tmp_hash"
                  action: "hashmod"
                  modulus: 2
                """);
        assertThat(camel).isEqualTo(snake);
        assertThat(camel.get(0)).isEqualTo(RelabelRule.builder().sourceLabels("env").targetLabel("__tmp_hash")
                .action(RelabelAction.HASHMOD).modulus(2).build());
    }

    @Test
    void readsJson() {
        List<RelabelRule> rules = RulesParser.parse(
                "[{\"sourceLabels\":[\"__tmp_hash\"],\"action\":\"drop\",\"regex\":\"^1$\"}]");
        assertThat(rules).containsExactly(RelabelRule.builder().sourceLabels("__tmp_hash").action(RelabelAction.DROP)
                .regex("^1$").build());
    }

    @Test
    void omittedFieldsTakeTheDefaults() {
        RelabelRule r = RulesParser.parse("- {targetLabel: t}").get(0);
        assertThat(r.action()).isEqualTo(RelabelAction.REPLACE);
        assertThat(r.separator()).isEqualTo(";");
        assertThat(r.regex()).isEqualTo("(.*)");
        assertThat(r.replacement()).isEqualTo("$1");
        assertThat(r.modulus()).isZero();
        assertThat(r.sourceLabels()).isEmpty();
    }

    @Test
    void explicitNullIsTheEmptyValueAsInPrometheusYaml() {
        RelabelRule r = RulesParser.parse("""
                - regex:
                  separator: ~
                  replacement: null
                  targetLabel: t
                """).get(0);
        assertThat(r.regex()).isEmpty();
        assertThat(r.separator()).isEmpty();
        assertThat(r.replacement()).isEmpty();
    }

    @Test
    void scalarsAreReadAsWrittenWithoutTypeGuessing() {
        RelabelRule r = RulesParser.parse("- {sourceLabels: [a], regex: 1.50, replacement: true, targetLabel: t}")
                .get(0);
        assertThat(r.regex()).isEqualTo("1.50");
        assertThat(r.replacement()).isEqualTo("true");
    }

    @Test
    void emptyTextIsNoRules() {
        assertThat(RulesParser.parse("")).isEmpty();
        assertThat(RulesParser.parse("  \n")).isEmpty();
        assertThat(RulesParser.parse("[]")).isEmpty();
        assertThat(RelabelRules.parse("")).isSameAs(RelabelRules.empty());
    }

    @Test
    void exportedJsonReadsBackToEqualRules() {
        RelabelRules rules = RelabelRules.parse("""
                - {sourceLabels: [a, b], separator: '', regex: 'x"\\\\y', targetLabel: t, replacement: "$$\\n"}
                - {action: hashmod, sourceLabels: [a], targetLabel: h, modulus: 18446744073709551615}
                - {action: labelmap, regex: '__meta_(.+)'}
                - {action: drop, regex: ''}
                """);
        String json = rules.toJson();
        assertThat(RelabelRules.parse(json)).isEqualTo(rules);
        assertThat(json).startsWith("[{\"sourceLabels\":[\"a\",\"b\"],\"separator\":\"\",");
        assertThat(json).contains("\"modulus\":18446744073709551615");
    }
}
