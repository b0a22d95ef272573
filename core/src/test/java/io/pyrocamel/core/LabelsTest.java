package io.pyrocamel.core;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsTest {

    @Test
    void sortsByNameAndLastValueWins() {
        Labels l = Labels.of("zone", "eu", "app", "cart", "zone", "us");
        assertThat(l.size()).isEqualTo(2);
        assertThat(l.name(0)).isEqualTo("app");
        assertThat(l.name(1)).isEqualTo("zone");
        assertThat(l.get("zone")).isEqualTo("us");
        assertThat(l.toString()).isEqualTo("{app=\"cart\", zone=\"us\"}");
    }

    @Test
    void emptyValueEqualsAbsent() {
        Labels l = Labels.of("a", "1", "b", "");
        assertThat(l.has("b")).isFalse();
        assertThat(l.getOrEmpty("b")).isEmpty();
        assertThat(l.with("a", "")).isEqualTo(Labels.empty());
        assertThat(Labels.of("a", "1").with("b", "")).isEqualTo(Labels.of("a", "1"));
    }

    @Test
    void withAndWithoutAreCopies() {
        Labels base = Labels.of("b", "2", "d", "4");
        Labels added = base.with("c", "3").with("a", "1").with("e", "5");
        assertThat(added.asMap()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"),
                Map.entry("d", "4"), Map.entry("e", "5"));
        assertThat(base.asMap()).containsExactly(Map.entry("b", "2"), Map.entry("d", "4"));
        assertThat(added.without("c").without("a").without("e")).isEqualTo(base);
        assertThat(base.with("b", "2")).isSameAs(base);
        assertThat(base.without("zz")).isSameAs(base);
        assertThat(base.with("b", "9").get("b")).isEqualTo("9");
    }

    @Test
    void equalsAndHashAreValueBased() {
        Labels a = Labels.of("x", "1", "y", "2");
        Labels b = Labels.builder().set("y", "2").set("x", "1").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(a).isNotEqualTo(Labels.of("x", "1", "y", "3"));
        // name/value boundaries matter for the fingerprint
        assertThat(Labels.of("ab", "c").fingerprint()).isNotEqualTo(Labels.of("a", "bc").fingerprint());
    }

    @Test
    void withoutReservedKeepsNamedOnes() {
        Labels l = Labels.of("__name__", "process_cpu", "__delta__", "false", "__address__", "h:1",
                "__meta_x", "y", "service_name", "s");
        assertThat(l.withoutReserved(LabelNames.NAME, LabelNames.DELTA).asMap().keySet())
                .containsExactly("__delta__", "__name__", "service_name");
    }

    @Test
    void builderEditsAndRemoves() {
        Labels.Builder b = Labels.of("a", "1", "b", "2", "c", "3").toBuilder();
        b.set("b", "").set("d", "4").removeIf((n, v) -> n.equals("a"));
        assertThat(b.build()).isEqualTo(Labels.of("c", "3", "d", "4"));
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("", "invalid label name \"\""),
                Arguments.of("my-label", "invalid label name \"my-label\""),
                Arguments.of("a:b", "invalid label name \"a:b\""),
                Arguments.of("a/b", "invalid label name \"a/b\""),
                Arguments.of("white space", "invalid label name \"white space\""),
                Arguments.of("ünïcode", "invalid label name \"ünïcode\""));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void rejectsInvalidNamesNamingTheLabel(String name, String message) {
        assertThatThrownBy(() -> Labels.of(name, "v"))
                .isInstanceOf(InvalidLabelException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidLabelException) e).labelName()).isEqualTo(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A", "_", "__name__", "service_name", "otel.scope.name", "9lives", "a.b_c.9"})
    void acceptsValidNames(String name) {
        assertThat(Labels.of(name, "v").get(name)).isEqualTo("v");
    }

    @Test
    void rejectsValuesThatAreNotUtf8() {
        assertThatThrownBy(() -> Labels.of("env", "bad\uD800value"))
                .isInstanceOf(InvalidLabelException.class)
                .hasMessageContaining("label \"env\"")
                .hasMessageContaining("UTF-8");
        assertThat(Labels.of("env", "emoji \uD83D\uDE00 ok").get("env")).endsWith("ok");
    }

    @Test
    void prometheusNameRule() {
        assertThat(LabelNames.isPrometheusName("abc_1")).isTrue();
        assertThat(LabelNames.isPrometheusName("_x")).isTrue();
        assertThat(LabelNames.isPrometheusName("1abc")).isFalse();
        assertThat(LabelNames.isPrometheusName("a.b")).isFalse();
        assertThat(LabelNames.isPrometheusName("")).isFalse();
    }
}
