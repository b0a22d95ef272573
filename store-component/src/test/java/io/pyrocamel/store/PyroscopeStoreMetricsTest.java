package io.pyrocamel.store;

import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;

import static org.assertj.core.api.Assertions.assertThat;

/** Micrometer meters when a MeterRegistry is in the Camel registry; the retention thread's name. */
class PyroscopeStoreMetricsTest extends CamelTestSupport {

    @TempDir
    Path dir;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("meters", meters);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-store:m?directory=" + dir + "&maxBytes=1");
            }
        };
    }

    @Test
    void writesAndSizeDeletionsAreCountedAndTheSizeIsAGauge() throws Exception {
        Labels labels = Labels.of(LabelNames.SERVICE_NAME, "svc");
        template.sendBody("direct:in", PushProfile.of(labels, RawSample.of(TestProfiles.cpu(1))));
        Thread.sleep(2); // distinct millisecond, so "oldest" is well defined
        template.sendBody("direct:in", PushProfile.of(labels, RawSample.of(TestProfiles.cpu(2))));

        long onDisk = TestProfiles.tree(dir).values().stream().mapToLong(l -> l).sum();
        assertThat(meters.get("pyroscope.store.written.profiles").tag("store", "m").counter().count()).isEqualTo(2);
        assertThat(meters.get("pyroscope.store.written.bytes").tag("store", "m").counter().count())
                .isGreaterThan(onDisk);
        assertThat(meters.get("pyroscope.store.deleted.files").tags("store", "m", "reason", "size").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("pyroscope.store.deleted.files").tags("store", "m", "reason", "retention").counter()
                .count()).isZero();
        assertThat(meters.get("pyroscope.store.bytes").tag("store", "m").gauge().value()).isEqualTo(onDisk);
        assertThat(meters.get("pyroscope.store.profiles").tag("store", "m").gauge().value()).isEqualTo(1);
    }

    @Test
    void theRetentionTaskRunsOnANamedThreadAndStopsWithTheContext() {
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(n -> n.contains("pyroscope-store:m-retention"));

        context.stop();

        assertThat(meters.find("pyroscope.store.bytes").gauges()).isEmpty();
        assertThat(meters.find("pyroscope.store.written.profiles").counters()).isEmpty();
    }
}
