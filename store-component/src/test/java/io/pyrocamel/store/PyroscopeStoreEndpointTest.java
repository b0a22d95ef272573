package io.pyrocamel.store;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options: defaults, parsing, validation with the option named, sharing a directory. */
class PyroscopeStoreEndpointTest {

    @TempDir
    Path dir;

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        PyroscopeStoreEndpoint e = new PyroscopeStoreEndpoint("pyroscope-store:d", new PyroscopeStoreComponent());
        assertThat(e.getDirectory()).isEqualTo("data/profiles").isEqualTo(PyroscopeStoreEndpoint.DEFAULT_DIRECTORY);
        assertThat(Duration.ofMillis(e.getRetention())).isEqualTo(Duration.ofHours(24));
        assertThat(e.getMaxBytes()).isZero();
        assertThat(e.isFsync()).isFalse();
    }

    @Test
    void parsesDurationsAndSizes() {
        PyroscopeStoreEndpoint e = context.getEndpoint("pyroscope-store:p?directory=" + dir
                                                       + "&retention=90s&maxBytes=512MB&fsync=true",
                PyroscopeStoreEndpoint.class);
        assertThat(e.getName()).isEqualTo("p");
        assertThat(e.getRetention()).isEqualTo(90_000);
        assertThat(e.getMaxBytes()).isEqualTo(512L << 20);
        assertThat(e.getSettings()).isEqualTo(new StoreSettings(dir, Duration.ofSeconds(90), 512L << 20, true));
        assertThat(e.getStore().directory()).isEqualTo(dir.toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "-PT1H", "abc", "1x", "1.5", "-5"})
    void badRetentionIsRejectedNamingTheOptionAndValue(String value) {
        // Camel's own conversion would turn all of these into 0 (= keep forever)
        assertThatThrownBy(() -> context.getEndpoint("pyroscope-store:r?directory=" + dir + "&retention=" + value))
                .satisfies(t -> assertThat(rootCause(t).getMessage())
                        .startsWith("pyroscope-store:r: option retention must be a duration >= 0")
                        .endsWith("was \"" + value + "\""));
    }

    @Test
    void retentionAcceptsUnitsIsoAndMilliseconds() {
        String[][] cases = {{"24h", "PT24H"}, {"1h30m", "PT1H30M"}, {"1500ms", "PT1.5S"}, {"2d", "PT48H"},
                            {"PT10M", "PT10M"}, {"5000", "PT5S"}, {"0", "PT0S"}};
        for (String[] c : cases) {
            PyroscopeStoreEndpoint e = context.getEndpoint("pyroscope-store:r" + c[0] + "?directory=" + dir.resolve(c[0])
                                                           + "&retention=" + c[0], PyroscopeStoreEndpoint.class);
            assertThat(e.getSettings().retention()).as(c[0]).isEqualTo(Duration.parse(c[1]));
        }
    }

    @Test
    void negativeMaxBytesIsRejectedNamingTheOptionAndValue() {
        assertThatThrownBy(() -> context.getEndpoint("pyroscope-store:m?directory=" + dir + "&maxBytes=-5"))
                .satisfies(t -> assertThat(rootCause(t).getMessage()).contains("maxBytes").contains("-5"));
    }

    @Test
    void unknownOptionsAreRejectedByName() {
        assertThatThrownBy(() -> context.getEndpoint("pyroscope-store:u?directory=" + dir + "&retentoin=1h"))
                .hasMessageContaining("retentoin");
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> context.getEndpoint("pyroscope-store:?directory=" + dir))
                .satisfies(t -> assertThat(rootCause(t).getMessage()).contains("store name is required"));
    }

    @Test
    void theStoreIsProducerOnly() {
        PyroscopeStoreEndpoint e = context.getEndpoint("pyroscope-store:c?directory=" + dir,
                PyroscopeStoreEndpoint.class);
        assertThatThrownBy(() -> e.createConsumer(exchange -> { }))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("producer-only");
    }

    @Test
    void endpointsWithTheSameDirectoryShareOneStore() {
        PyroscopeStoreEndpoint a = context.getEndpoint("pyroscope-store:a?directory=" + dir, PyroscopeStoreEndpoint.class);
        PyroscopeStoreEndpoint b = context.getEndpoint("pyroscope-store:b?directory=" + dir, PyroscopeStoreEndpoint.class);
        assertThat(a.getStore()).isSameAs(b.getStore());
        assertThat(a.getStore().name()).isEqualTo("a");
    }

    @Test
    void endpointsWithTheSameDirectoryButOtherSettingsFailToStartNamingBoth() {
        context.getEndpoint("pyroscope-store:a?directory=" + dir + "&retention=1h");
        assertThatThrownBy(() -> context.getEndpoint("pyroscope-store:b?directory=" + dir + "&retention=2h"))
                .satisfies(t -> assertThat(rootCause(t).getMessage())
                        .contains("pyroscope-store:b: directory " + dir.toAbsolutePath())
                        .contains("already used by pyroscope-store:a with retention=PT1H")
                        .contains("this endpoint: retention=PT2H"));
    }
}
