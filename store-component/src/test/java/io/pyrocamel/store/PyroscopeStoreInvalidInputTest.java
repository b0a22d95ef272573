package io.pyrocamel.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies that are not profiles fail the exchange with a clear message and leave the store as it was. */
class PyroscopeStoreInvalidInputTest extends CamelTestSupport {

    private static final Labels SHOP = Labels.of(LabelNames.NAME, "shop", LabelNames.SERVICE_NAME, "shop");

    @TempDir
    Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-store:bad?directory=" + dir);
            }
        };
    }

    static Stream<Arguments> badBodies() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[] badGzip = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        byte[] jfr = TestProfiles.jfrRecording();
        byte[] truncatedJfr = Arrays.copyOf(jfr, jfr.length / 2);
        byte[] text = "hello, this is not a profile\n".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("random bytes", random, "not a pprof or JFR profile: "),
                Arguments.of("empty body", new byte[0], "not a pprof or JFR profile: the body is empty"),
                Arguments.of("no body", null, "not a pprof or JFR profile: the body is empty"),
                Arguments.of("bad gzip", badGzip, "not a pprof or JFR profile: not a valid gzip stream"),
                Arguments.of("text file", text, "not a pprof or JFR profile: "),
                Arguments.of("truncated JFR", truncatedJfr, "truncated JFR recording"),
                Arguments.of("truncated gzipped JFR", Arrays.copyOf(Pprof.gzip(jfr), 200),
                        "not a valid gzip stream"),
                Arguments.of("folded that is not folded",
                        IngestProfile.of(SHOP, "main;work 3\nthis line has no count\n".getBytes(StandardCharsets.UTF_8),
                                "", "format", "folded"),
                        "not a folded profile: line 2 is not \"frame;frame;... <count>\": \"this line has no count\""),
                Arguments.of("folded that is binary", IngestProfile.of(SHOP, random, "", "format", "folded"),
                        "not a folded profile: not UTF-8 text"),
                Arguments.of("empty ingest body", IngestProfile.of(SHOP, new byte[0], "", "format", "pprof"),
                        "empty body"),
                Arguments.of("pprof that is not", IngestProfile.of(SHOP, text, "", "format", "pprof"),
                        "is not a pprof profile"),
                Arguments.of("jfr that is not", IngestProfile.of(SHOP, text, "", "format", "jfr"),
                        "not a JFR recording: it does not start with FLR\\0"),
                Arguments.of("jfr form without jfr part",
                        IngestProfile.of(SHOP, TestProfiles.multipart(Map.of("labels", TestProfiles.jfrLabels())),
                                TestProfiles.multipartContentType(), "format", "jfr"),
                        "the multipart JFR form has no \"jfr\" part (parts: [labels])"),
                Arguments.of("jfr form with a bad labels part",
                        IngestProfile.of(SHOP, TestProfiles.multipart(Map.of("jfr", jfr, "labels", random)),
                                TestProfiles.multipartContentType(), "format", "jfr"),
                        "the \"labels\" part of the JFR form is not a LabelsSnapshot protobuf"),
                Arguments.of("truncated multipart",
                        IngestProfile.of(SHOP, Arrays.copyOf(TestProfiles.multipart(Map.of("jfr", jfr)), 300),
                                TestProfiles.multipartContentType(), "format", "jfr"),
                        "no closing boundary"),
                Arguments.of("multipart without boundary",
                        IngestProfile.of(SHOP, TestProfiles.multipart(Map.of("jfr", jfr)), "multipart/form-data",
                                "format", "jfr"),
                        "has no boundary"),
                Arguments.of("speedscope that is no JSON",
                        IngestProfile.of(SHOP, text, "", "format", "speedscope"), "not a speedscope profile"),
                Arguments.of("push profile with one bad sample among good ones",
                        PushProfile.of(SHOP, RawSample.of(TestProfiles.cpu(1)), RawSample.of(random)),
                        "sample 1 of the push profile"),
                Arguments.of("a list of profiles instead of one",
                        java.util.List.of(PushProfile.of(SHOP, RawSample.of(TestProfiles.cpu(2)))),
                        "not a pprof or JFR profile: a body of type java.util."),
                Arguments.of("push profile without samples", new PushProfile(SHOP, java.util.List.of()),
                        "has no samples"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void failsTheExchangeAndLeavesTheStoreUntouched(String what, Object body, String message) throws Exception {
        template.sendBody("direct:in", PushProfile.of(SHOP, RawSample.of(TestProfiles.cpu(99))));
        Map<String, Long> before = TestProfiles.tree(dir);
        assertThat(before).hasSize(2);

        assertThatThrownBy(() -> template.sendBody("direct:in", body))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(InvalidProfileException.class).hasMessageContaining(message);

        assertThat(TestProfiles.tree(dir)).isEqualTo(before);
    }
}
