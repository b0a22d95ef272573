package io.pyrocamel.core;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestNameTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("app", Labels.of("__name__", "app")),
                Arguments.of("app.cpu", Labels.of("__name__", "app.cpu")),
                Arguments.of("  app.cpu  ", Labels.of("__name__", "app.cpu")),
                Arguments.of("app{}", Labels.of("__name__", "app")),
                Arguments.of("app{env=prod}", Labels.of("__name__", "app", "env", "prod")),
                Arguments.of("my-app/svc.cpu{ env = prod , region=eu }",
                        Labels.of("__name__", "my-app/svc.cpu", "env", "prod", "region", "eu")),
                // unsorted input, as the Node SDK sends it
                Arguments.of("svc{z=1,a=2}", Labels.of("__name__", "svc", "z", "1", "a", "2")),
                // '=' inside a value is kept
                Arguments.of("svc{q=a=b}", Labels.of("__name__", "svc", "q", "a=b")),
                // a trailing key without '=' is ignored
                Arguments.of("svc{a=1,dangling}", Labels.of("__name__", "svc", "a", "1")),
                // text after '}' is ignored
                Arguments.of("svc{a=1}garbage{b=2}", Labels.of("__name__", "svc", "a", "1")),
                // a pair left open at the end is ignored
                Arguments.of("svc{a=1,b=2", Labels.of("__name__", "svc", "a", "1")),
                // an empty value means no label
                Arguments.of("svc{a=,b=2}", Labels.of("__name__", "svc", "b", "2")),
                // repeated key: last wins
                Arguments.of("svc{a=1,a=2}", Labels.of("__name__", "svc", "a", "2")),
                // internal labels the SDKs send
                Arguments.of("svc{__session_id__=abc}", Labels.of("__name__", "svc", "__session_id__", "abc")),
                Arguments.of("svc{dotted.key=1}", Labels.of("__name__", "svc", "dotted.key", "1")));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("valid")
    void parsesValidNames(String name, Labels expected) {
        assertThat(IngestName.parse(name)).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "__name__", "service name is required"),
                Arguments.of("   ", "__name__", "service name is required"),
                Arguments.of("{env=prod}", "__name__", "service name is required"),
                Arguments.of("my app{}", "__name__", "invalid application name \"my app\""),
                Arguments.of("app!{}", "__name__", "invalid application name \"app!\""),
                Arguments.of("svc{my-key=1}", "my-key", "invalid label name \"my-key\""),
                Arguments.of("svc{a:b=1}", "a:b", "invalid label name \"a:b\""),
                // a stray ',' before '=' becomes part of the key
                Arguments.of("svc{a,b=1}", "a,b", "invalid label name \"a,b\""),
                Arguments.of("svc{=1}", "", "invalid label name \"\""),
                Arguments.of("svc{__name__=x}", "__name__", "may not be set inside the braces"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalid")
    void rejectsInvalidNamesNamingTheLabel(String name, String label, String message) {
        assertThatThrownBy(() -> IngestName.parse(name))
                .isInstanceOf(InvalidLabelException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidLabelException) e).labelName()).isEqualTo(label));
    }

    @Test
    void formatsNormalizedForm() {
        assertThat(IngestName.format(Labels.of("__name__", "svc", "region", "eu", "env", "prod")))
                .isEqualTo("svc{env=prod,region=eu}");
        assertThat(IngestName.format(Labels.of("__name__", "svc"))).isEqualTo("svc{}");
        assertThat(IngestName.format(Labels.of("__name__", "svc", "__session_id__", "s1")))
                .isEqualTo("svc{__session_id__=s1}");
        assertThatThrownBy(() -> IngestName.format(Labels.of("env", "prod")))
                .isInstanceOf(InvalidLabelException.class).hasMessageContaining("__name__");
    }

    @Test
    void formatAndParseRoundTrip() {
        Labels l = Labels.of("__name__", "app.cpu", "b", "2", "a", "x=y");
        assertThat(IngestName.parse(IngestName.format(l))).isEqualTo(l);
    }
}
