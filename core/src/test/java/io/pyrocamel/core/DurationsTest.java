package io.pyrocamel.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "15s, 15000000000", "1m30s, 90000000000", "500ms, 500000000", "1.5h, 5400000000000", "250us, 250000",
        "250µs, 250000", "100ns, 100", "24h, 86400000000000", "2d, 172800000000000", "5000, 5000000000", "0, 0",
        "PT24H, 86400000000000", "pt1s, 1000000000", "1h30m, 5400000000000", "' 10s ', 10000000000", "0s, 0",
    })
    void parsesGoIsoAndMillis(String text, long nanos) {
        assertThat(Durations.parse("x", text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1s", "1x", "s", "1.s", "1 s", "PT-1S", "-5", "1e3s", "99999999999999999999d"})
    void rejectsNamingOptionAndValue(String text) {
        assertThatThrownBy(() -> Durations.parse("scrapeInterval", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option scrapeInterval must be a duration >= 0")
                .hasMessageContaining("\"" + text + "\"");
    }

    @org.junit.jupiter.api.Test
    void parsesEndpointParametersBeforeCamelBindsThem() {
        Map<String, Object> params = new HashMap<>(Map.of("remoteTimeout", "1m30s", "minbackoffperiod", "500ms",
                "other", "x", "maxBackoffPeriod", 7L));
        Durations.parseStrictly(params, "remoteTimeout", "minBackoffPeriod", "maxBackoffPeriod", "absent");
        assertThat(params).containsEntry("remoteTimeout", 90_000L).containsEntry("minbackoffperiod", 500L)
                .containsEntry("maxBackoffPeriod", 7L).containsEntry("other", "x");
        Map<String, Object> bad = new HashMap<>(Map.of("remoteTimeout", "banana"));
        assertThatThrownBy(() -> Durations.parseStrictly(bad, "remoteTimeout"))
                .hasMessageContaining("option remoteTimeout").hasMessageContaining("\"banana\"");
    }
}
