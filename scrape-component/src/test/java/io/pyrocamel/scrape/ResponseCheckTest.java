package io.pyrocamel.scrape;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Alloy's response body checks (SPEC.md §8.4). */
class ResponseCheckTest {

    private static final String OCTET = "application/octet-stream";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<!DOCTYPE html><html></html> | text response instead of pprof",
        "  \n<html><body>x</body></html> | text response instead of pprof",
        "<title>error page</title> | text response instead of pprof",
        "<body>error</body> | text response instead of pprof",
        "{\"error\": \"not found here\"} | text response instead of pprof",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9] | text response instead of pprof",
    })
    void textIsRejected(String body, String message) {
        assertThat(ResponseCheck.problem(body.getBytes(StandardCharsets.UTF_8), OCTET)).contains(message);
    }

    @Test
    void shortJsonAndShortBodiesAreNotText() {
        // {"a":1} is under 20 bytes: not text; its first byte '{' = 0x7b has wire type 3: accepted
        assertThat(ResponseCheck.problem("{\"a\":1}    ".getBytes(StandardCharsets.UTF_8), OCTET)).isNull();
        assertThat(ResponseCheck.problem(new byte[] {0x0a, 0x01}, OCTET)).isEqualTo("data too short for pprof"
                                                                                     + " format");
    }

    @Test
    void contentTypeAndWireType() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0};
        assertThat(ResponseCheck.problem(gzip, OCTET)).isNull();
        assertThat(ResponseCheck.problem(gzip, "application/octet-stream; charset=binary")).isNull();
        assertThat(ResponseCheck.problem(gzip, null)).isEqualTo("missing Content-Type header");
        assertThat(ResponseCheck.problem(gzip, "text/plain")).startsWith("unexpected Content-Type text/plain");
        assertThat(ResponseCheck.problem(new byte[] {0x0a, 0x02, 0x08, 0x01}, OCTET)).isNull();
        assertThat(ResponseCheck.problem(new byte[] {0x0e, 0x02, 0x08, 0x01}, OCTET))
                .startsWith("invalid protobuf data: illegal wireType 6 (expected 0-5), first bytes: 0e020801");
        assertThat(ResponseCheck.problem(new byte[0], OCTET)).isEqualTo("empty response from profiling endpoint");
    }
}
