package io.pyrocamel.processors.relabel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.pyrocamel.core.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance table for the engine. Inputs and expected outputs are carried over as facts from Prometheus's
 * {@code model/relabel/relabel_test.go} (v3, "prom"), Alloy's {@code pyroscope/relabel/relabel_test.go} ("alloy"),
 * outputs worked out by hand from Prometheus's {@code relabel.go} for the configs of its {@code BenchmarkRelabel}
 * ("prom-bench") and for each default and RE2 rule ("spec"); hashmod values cross-checked with Python's hashlib. Rules
 * are written in the YAML form users write, so the parser is exercised too.
 */
class RelabelerConformanceTest {

    /** Expected output: a drop. */
    private static final Labels DROP = null;

    record Case(String name, Labels input, String rules, Labels expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void c(String name, Labels input, String rules, Labels expected) {
        CASES.add(new Case(name, input, rules, expected));
    }

    private static Labels l(String... nv) {
        return Labels.of(nv);
    }

    static {
        // ---- Prometheus TestRelabel ----
        c("prom: replace with ${1} twice", l("a", "foo", "b", "bar", "c", "baz"),
                "- {sourceLabels: [a], regex: 'f(.*)', targetLabel: d, separator: ';', replacement: 'ch${1}-ch${1}', action: replace}",
                l("a", "foo", "b", "bar", "c", "baz", "d", "choo-choo"));
        c("prom: chained replaces see earlier results", l("a", "foo", "b", "bar", "c", "baz"), """
                - {sourceLabels: [a, b], regex: 'f(.*);(.*)r', targetLabel: a, separator: ';', replacement: 'b${1}${2}m'}
                - {sourceLabels: [c, a], regex: '(b).*b(.*)ba(.*)', targetLabel: d, separator: ';', replacement: '$1$2$2$3'}
                """, l("a", "boobam", "b", "bar", "c", "baz", "d", "boooom"));
        c("prom: drop ends processing", l("a", "foo"), """
                - {sourceLabels: [a], regex: '.*o.*', action: drop}
                - {sourceLabels: [a], regex: 'f(.*)', targetLabel: d, replacement: 'ch$1-ch$1'}
                """, DROP);
        c("prom: drop with other labels", l("a", "foo", "b", "bar"),
                "- {sourceLabels: [a], regex: '.*o.*', action: drop}", DROP);
        c("prom: replace with inner group", l("a", "abc"),
                "- {sourceLabels: [a], regex: '.*(b).*', targetLabel: d, replacement: '$1'}", l("a", "abc", "d", "b"));
        c("prom: drop without match keeps", l("a", "foo"),
                "- {sourceLabels: [a], regex: no-match, action: drop}", l("a", "foo"));
        c("prom: regex is fully anchored (f|o does not match foo)", l("a", "foo"),
                "- {sourceLabels: [a], regex: 'f|o', action: drop}", l("a", "foo"));
        c("prom: keep without match drops", l("a", "foo"),
                "- {sourceLabels: [a], regex: no-match, action: keep}", DROP);
        c("prom: keep with match", l("a", "foo"),
                "- {sourceLabels: [a], regex: 'f.*', action: keep}", l("a", "foo"));
        c("prom: no replacement without a match", l("a", "boo"),
                "- {sourceLabels: [a], regex: f, targetLabel: b, replacement: bar}", l("a", "boo"));
        c("prom: blank replacement deletes the target", l("a", "foo", "f", "baz"),
                "- {sourceLabels: [a], regex: '(f).*', targetLabel: '$1', replacement: '$2'}", l("a", "foo"));
        c("prom: hashmod baz % 1000 = 976", l("a", "foo", "b", "bar", "c", "baz"),
                "- {sourceLabels: [c], targetLabel: d, separator: ';', action: hashmod, modulus: 1000}",
                l("a", "foo", "b", "bar", "c", "baz", "d", "976"));
        c("prom: hashmod 'foo\\nbar' % 1000 = 734", l("a", "foo\nbar"),
                "- {sourceLabels: [a], targetLabel: b, separator: ';', action: hashmod, modulus: 1000}",
                l("a", "foo\nbar", "b", "734"));
        c("prom: labelmap with ${1}", l("a", "foo", "b1", "bar", "b2", "baz"),
                "- {regex: '(b.*)', replacement: 'bar_${1}', action: labelmap}",
                l("a", "foo", "b1", "bar", "b2", "baz", "bar_b1", "bar", "bar_b2", "baz"));
        c("prom: labelmap __meta_ labels, originals kept",
                l("a", "foo", "__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc"),
                "- {regex: '__meta_(my.*)', replacement: '${1}', action: labelmap}",
                l("a", "foo", "__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc",
                        "my_bar", "aaa", "my_baz", "bbb"));
        c("prom: target label from a group", l("a", "some-name-value"),
                "- {sourceLabels: [a], regex: 'some-([^-]+)-([^,]+)', action: replace, replacement: '${2}', targetLabel: '${1}'}",
                l("a", "some-name-value", "name", "value"));
        c("prom: replacement of a missing group is empty (deletes)", l("a", "some-name-value"),
                "- {sourceLabels: [a], regex: 'some-([^-]+)-([^,]+)', action: replace, replacement: '${3}', targetLabel: '${1}'}",
                l("a", "some-name-value"));
        c("prom: target of a missing group is invalid, rule does nothing", l("a", "some-name-0"), """
                - {sourceLabels: [a], regex: 'some-([^-]+)-([^,]+)', action: replace, replacement: '${1}', targetLabel: '${3}'}
                - {sourceLabels: [a], regex: 'some-([^-]+)-([^,]+)', action: replace, replacement: '${1}', targetLabel: '${3}'}
                - {sourceLabels: [a], regex: 'some-([^-]+)(-[^,]+)', action: replace, replacement: '${1}', targetLabel: '${3}'}
                """, l("a", "some-name-0"));
        c("prom: real-life tag parsing", l("__meta_sd_tags", "path:/secret,job:some-job,label:foo=bar"), """
                - {sourceLabels: [__meta_sd_tags], regex: '(?:.+,|^)path:(/[^,]+).*', action: replace, replacement: '${1}', targetLabel: __metrics_path__}
                - {sourceLabels: [__meta_sd_tags], regex: '(?:.+,|^)job:([^,]+).*', action: replace, replacement: '${1}', targetLabel: job}
                - {sourceLabels: [__meta_sd_tags], regex: '(?:.+,|^)label:([^=]+)=([^,]+).*', action: replace, replacement: '${2}', targetLabel: '${1}'}
                """, l("__meta_sd_tags", "path:/secret,job:some-job,label:foo=bar", "__metrics_path__", "/secret",
                "job", "some-job", "foo", "bar"));
        c("prom: issue 12283 labeldrop then re-add then keep",
                l("__meta_kubernetes_pod_container_port_name", "foo",
                        "__meta_kubernetes_pod_annotation_example_metrics_port", "9091"), """
                - {regex: '^__meta_kubernetes_pod_container_port_name$', action: labeldrop}
                - {sourceLabels: [__meta_kubernetes_pod_annotation_example_metrics_port], regex: '(.+)', action: replace, replacement: metrics, targetLabel: __meta_kubernetes_pod_container_port_name}
                - {sourceLabels: [__meta_kubernetes_pod_container_port_name], regex: '^metrics$', action: keep}
                """, l("__meta_kubernetes_pod_annotation_example_metrics_port", "9091",
                "__meta_kubernetes_pod_container_port_name", "metrics"));
        c("prom: labelkeep", l("a", "foo", "b1", "bar", "b2", "baz"),
                "- {regex: '(b.*)', action: labelkeep}", l("b1", "bar", "b2", "baz"));
        c("prom: labeldrop", l("a", "foo", "b1", "bar", "b2", "baz"),
                "- {regex: '(b.*)', action: labeldrop}", l("a", "foo"));
        c("prom: uppercase and lowercase", l("foo", "bAr123Foo"), """
                - {sourceLabels: [foo], action: uppercase, targetLabel: foo_uppercase}
                - {sourceLabels: [foo], action: lowercase, targetLabel: foo_lowercase}
                """, l("foo", "bAr123Foo", "foo_lowercase", "bar123foo", "foo_uppercase", "BAR123FOO"));
        Labels ports = l("__tmp_port", "1234", "__port1", "1234", "__port2", "5678");
        c("prom: keepequal equal keeps", ports,
                "- {sourceLabels: [__tmp_port], action: keepequal, targetLabel: __port1}", ports);
        c("prom: dropequal equal drops", ports,
                "- {sourceLabels: [__tmp_port], action: dropequal, targetLabel: __port1}", DROP);
        c("prom: dropequal different keeps", ports,
                "- {sourceLabels: [__tmp_port], action: dropequal, targetLabel: __port2}", ports);
        c("prom: keepequal different drops", ports,
                "- {sourceLabels: [__tmp_port], action: keepequal, targetLabel: __port2}", DROP);
        c("prom: dot matches newline, $1 of no group is empty", l("a", "line1\nline2", "b", "bar", "c", "baz"),
                "- {sourceLabels: [a], regex: 'line1.*line2', targetLabel: d, separator: ';', replacement: 'match${1}', action: replace}",
                l("a", "line1\nline2", "b", "bar", "c", "baz", "d", "match"));
        c("prom: named groups, ${x} and $x styles", l("a", "line1\nline2", "b", "bar", "c", "baz"), """
                - {sourceLabels: [a], regex: '(line1).*(?<second>line2)', targetLabel: 'label1_${1}', replacement: 'val_${second}'}
                - {sourceLabels: [a], regex: '(line1).*(?<second>line2)', targetLabel: 'label2_$1', replacement: 'val_$second'}
                """, l("a", "line1\nline2", "b", "bar", "c", "baz", "label1_line1", "val_line2", "label2_line1",
                "val_line2"));
        c("prom: $ inside the regex", l("__name__", "http_requests_total"),
                "- {sourceLabels: [__name__], regex: '.*_total$', targetLabel: __type__, replacement: counter}",
                l("__name__", "http_requests_total", "__type__", "counter"));
        c("prom: suffix match sets a reserved label", l("__name__", "disk_usage_bytes"),
                "- {sourceLabels: [__name__], regex: '.*_bytes$', targetLabel: __unit__, replacement: bytes}",
                l("__name__", "disk_usage_bytes", "__unit__", "bytes"));

        // ---- Prometheus BenchmarkRelabel configs (outputs worked out from relabel.go) ----
        c("prom-bench: example config (snake_case, regex: null = empty regex)",
                l("__meta_dns_name", "example-some-x.com", "abc", "def", "job", "foo"), """
                - source_labels: [job, __meta_dns_name]
                  regex: "(.*)some-[regex]"
                  target_label: job
                  replacement: foo-${1}
                  # action defaults to 'replace'
                - source_labels: [abc]
                  target_label: cde
                - replacement: static
                  target_label: abc
                - regex:
                  replacement: static
                  target_label: abc
                """, l("__meta_dns_name", "example-some-x.com", "abc", "static", "cde", "def", "job", "foo"));
        c("prom-bench: static label pairs", l("abcdefg01", "hijklmn1", "job", "foo"), """
                - replacement: wwwwww
                  target_label: wwwwww
                - replacement: yyyyyyyyyyyy
                  target_label: xxxxxxxxx
                - replacement: xxxxxxxxx
                  target_label: yyyyyyyyyyyy
                - source_labels: ["something"]
                  target_label: with_source_labels
                  replacement: value
                - replacement: dropped
                  target_label: ${0}
                - replacement: ${0}
                  target_label: dropped
                """, l("abcdefg01", "hijklmn1", "job", "foo", "wwwwww", "wwwwww", "xxxxxxxxx", "yyyyyyyyyyyy",
                "yyyyyyyyyyyy", "xxxxxxxxx", "with_source_labels", "value"));

        // ---- Alloy pyroscope.relabel TestRelabeling ----
        c("alloy: rename a label", l("foo", "hello"), """
                - {sourceLabels: [foo], targetLabel: bar, action: replace, regex: '(.+)', replacement: '$1'}
                - {action: labeldrop, regex: foo}
                """, l("bar", "hello"));
        c("alloy: drop on matching label", l("env", "dev", "region", "us-1"),
                "- {sourceLabels: [env], action: drop, regex: dev}", DROP);
        c("alloy: keep on matching label", l("env", "prod", "region", "us-1"),
                "- {sourceLabels: [env], action: keep, regex: prod}", l("env", "prod", "region", "us-1"));
        c("alloy: keep without match drops", l("env", "dev", "region", "us-1"),
                "- {sourceLabels: [env], action: keep, regex: prod}", DROP);
        c("alloy: labeldrop of every label leaves an empty set (the engine does not drop)",
                l("env", "prod", "region", "us-1"), "- {action: labeldrop, regex: 'env|region'}", Labels.empty());
        c("alloy: hashmod sampling, prod % 2 = 1 is dropped", l("env", "prod", "region", "us-1"), """
                - {sourceLabels: [env], action: hashmod, modulus: 2, targetLabel: __tmp_hash}
                - {sourceLabels: [__tmp_hash], action: drop, regex: ^1$}
                """, DROP);
        c("alloy: several rules", l("env", "prod", "region", "us-1"), """
                - {sourceLabels: [env], targetLabel: environment, action: replace, regex: '(.+)', replacement: '$1'}
                - {action: labeldrop, regex: ^env$}
                - {sourceLabels: [region], targetLabel: zone, action: replace, regex: 'us-(.+)', replacement: 'zone-$1'}
                """, l("environment", "prod", "region", "us-1", "zone", "zone-1"));

        // ---- defaults (SPEC.md §6.1) ----
        c("spec: default rule copies the source value", l("a", "x"),
                "- {sourceLabels: [a], targetLabel: b}", l("a", "x", "b", "x"));
        c("spec: default rule with a missing source deletes the target", l("b", "x"),
                "- {sourceLabels: [missing], targetLabel: b}", Labels.empty());
        c("spec: default separator is ;", l("a", "x", "b", "y"),
                "- {sourceLabels: [a, b], targetLabel: c}", l("a", "x", "b", "y", "c", "x;y"));
        c("spec: empty separator", l("a", "x", "b", "y"),
                "- {sourceLabels: [a, b], targetLabel: c, separator: ''}", l("a", "x", "b", "y", "c", "xy"));
        c("spec: missing sources join as empty", l("a", "x", "b", "y"),
                "- {sourceLabels: [a, missing, b], targetLabel: c}", l("a", "x", "b", "y", "c", "x;;y"));
        c("spec: no sources and a literal replacement sets a static label", l("a", "x"),
                "- {targetLabel: env, replacement: prod}", l("a", "x", "env", "prod"));
        c("spec: explicit empty replacement deletes the target", l("a", "foo", "b", "bar"),
                "- {sourceLabels: [a], targetLabel: b, replacement: ''}", l("a", "foo"));
        c("spec: $$ is a literal dollar", l("a", "x"),
                "- {sourceLabels: [a], targetLabel: b, replacement: 'cost$$1'}", l("a", "x", "b", "cost$1"));
        c("spec: $1x is the group named 1x (empty), ${1}x is group 1 then x", l("a", "v"), """
                - {sourceLabels: [a], targetLabel: b, replacement: '$1x'}
                - {sourceLabels: [a], targetLabel: c, replacement: '${1}x'}
                """, l("a", "v", "c", "vx"));
        c("spec: expanded target that is not a legal name does nothing", l("a", "9abc"),
                "- {sourceLabels: [a], targetLabel: '${1}', replacement: v}", l("a", "9abc"));
        c("spec: named group by $name and ${name}x", l("a", "k=v"),
                "- {sourceLabels: [a], regex: '(?P<key>[^=]+)=(?P<val>.*)', targetLabel: '$key', replacement: '${val}x'}",
                l("a", "k=v", "k", "vx"));
        c("spec: lowercase of a missing source deletes the target", l("b", "X"),
                "- {sourceLabels: [missing], action: lowercase, targetLabel: b}", Labels.empty());
        c("spec: case mapping is per code point (ß stays, À becomes à)", l("a", "straße ÀÉ"), """
                - {sourceLabels: [a], action: uppercase, targetLabel: up}
                - {sourceLabels: [a], action: lowercase, targetLabel: low}
                """, l("a", "straße ÀÉ", "up", "STRAßE ÀÉ", "low", "straße àé"));
        c("spec: hashmod joins sources with the separator (b+a+z = baz -> 976)", l("a", "b", "b", "z"),
                "- {sourceLabels: [a, b], separator: a, action: hashmod, modulus: 1000, targetLabel: h}",
                l("a", "b", "b", "z", "h", "976"));
        c("spec: hashmod modulus 1 is always 0", l("a", "anything"),
                "- {sourceLabels: [a], action: hashmod, modulus: 1, targetLabel: h}", l("a", "anything", "h", "0"));
        c("spec: hashmod is unsigned 64-bit (modulus 2^64-1)", l("c", "baz"),
                "- {sourceLabels: [c], action: hashmod, modulus: 18446744073709551615, targetLabel: h}",
                l("c", "baz", "h", "16450797887570275976"));
        c("spec: hashmod unsigned (modulus 2^63)", l("c", "baz"),
                "- {sourceLabels: [c], action: hashmod, modulus: 9223372036854775808, targetLabel: h}",
                l("c", "baz", "h", "7227425850715500168"));
        c("spec: hashmod of the empty value", l("a", "x"),
                "- {sourceLabels: [missing], action: hashmod, modulus: 7, targetLabel: h}", l("a", "x", "h", "1"));
        c("spec: hashmod of UTF-8 bytes", l("a", "ünïcödé"),
                "- {sourceLabels: [a], action: hashmod, modulus: 97, targetLabel: h}", l("a", "ünïcödé", "h", "36"));
        c("spec: dropequal of two missing labels drops (\"\" == \"\")", l("a", "x"),
                "- {sourceLabels: [missing], action: dropequal, targetLabel: other}", DROP);
        c("spec: keepequal joins sources", l("a", "x", "b", "y", "c", "x;y"),
                "- {sourceLabels: [a, b], action: keepequal, targetLabel: c}", l("a", "x", "b", "y", "c", "x;y"));
        c("spec: labeldrop with the default regex removes everything", l("a", "x", "b", "y"),
                "- {action: labeldrop}", Labels.empty());
        c("spec: labelkeep is anchored", l("b", "1", "bb", "2"), "- {action: labelkeep, regex: b}", l("b", "1"));
        c("spec: labelmap with the default replacement $1", l("__meta_kubernetes_pod_label_app", "cart", "x", "1"),
                "- {action: labelmap, regex: '__meta_kubernetes_pod_label_(.+)'}",
                l("__meta_kubernetes_pod_label_app", "cart", "x", "1", "app", "cart"));
        c("spec: labelmap onto one name, last in Range order wins", l("a_x", "1", "b_x", "2"),
                "- {action: labelmap, regex: '[ab]_(x)'}", l("a_x", "1", "b_x", "2", "x", "2"));
        c("spec: labelmap sees a snapshot (labels it adds are not mapped again)", l("ab", "1"),
                "- {action: labelmap, regex: 'a(.*)', replacement: 'a$1$1'}", l("ab", "1", "abb", "1"));
        c("spec: labelmap added labels come after base labels in Range order", l("b_x", "2"), """
                - {targetLabel: a_x, replacement: '1'}
                - {action: labelmap, regex: '[ab]_(x)'}
                """, l("a_x", "1", "b_x", "2", "x", "1"));
        c("spec: empty rule list passes the set unchanged", l("a", "x"), "[]", l("a", "x"));

        // ---- RE2 semantics (RE2/J) ----
        c("re2: $ is the end of text, not before a final newline", l("a", "foo\n"),
                "- {sourceLabels: [a], regex: foo, action: drop}", l("a", "foo\n"));
        c("re2: . matches newline (dot-all)", l("a", "a\nb"),
                "- {sourceLabels: [a], regex: 'a.b', action: keep}", l("a", "a\nb"));
        c("re2: matching is case-sensitive unless (?i)", l("a", "prod"), """
                - {sourceLabels: [a], regex: Prod, action: drop}
                - {sourceLabels: [a], regex: '(?i)PROD', targetLabel: m, replacement: yes}
                """, l("a", "prod", "m", "yes"));
        c("re2: \\d is ASCII only", l("a", "\u0661\u0662"),
                "- {sourceLabels: [a], regex: '\\d+', action: keep}", DROP);
        c("re2: empty regex matches only the empty value", l("a", "x"),
                "- {sourceLabels: [a], regex: '', action: keep}", DROP);
        c("re2: leftmost-first alternation picks the first branch", l("a", "ab"),
                "- {sourceLabels: [a], regex: '(a|ab)(.*)', targetLabel: g, replacement: '$1/$2'}",
                l("a", "ab", "g", "a/b"));
        c("re2: non-greedy repetition", l("a", "10.0.0.1:8080"),
                "- {sourceLabels: [a], regex: '(.+?)(?::\\d+)?', targetLabel: host}",
                l("a", "10.0.0.1:8080", "host", "10.0.0.1"));
        c("re2: unmatched optional group expands to empty", l("a", "c"),
                "- {sourceLabels: [a], regex: '(a|b)?c', targetLabel: g, replacement: 'x${1}y'}",
                l("a", "c", "g", "xy"));
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conforms(Case c) {
        RelabelRules rules = RelabelRules.parse(c.rules());
        Labels out = new Relabeler(rules).process(c.input());
        if (c.expected() == null) {
            assertThat(out).as("dropped").isNull();
        } else {
            assertThat(out).as("kept").isNotNull();
            assertThat(out).isEqualTo(c.expected());
        }
        // the cache gives the same answers, twice
        CachingRelabeler cached = new CachingRelabeler(rules, 16);
        assertThat(cached.process(c.input())).isEqualTo(c.expected());
        assertThat(cached.process(c.input())).isEqualTo(c.expected());
        assertThat(cached.hits()).isEqualTo(1);
    }

    @Test
    void tableHasAtLeastSixtyCases() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void unchangedLabelsAreTheSameInstance() {
        Labels in = l("a", "x");
        assertThat(new Relabeler(RelabelRules.parse("- {sourceLabels: [a], regex: y, action: drop}")).process(in))
                .isSameAs(in);
    }
}
