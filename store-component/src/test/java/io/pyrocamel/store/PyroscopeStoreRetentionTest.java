package io.pyrocamel.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The background retention task of a running endpoint, and the sweep at start. */
class PyroscopeStoreRetentionTest extends CamelTestSupport {

    @TempDir
    static Path dir;

    private static Path stale;
    private static Path fresh;

    @BeforeAll
    static void seedProfilesOfAnEarlierRun() throws Exception {
        // profiles left by an earlier run: one a day old, one from now (names carry the time)
        Path d = Files.createDirectories(dir.resolve("svc/process_cpu"));
        String old = PathNames.timestamp(Instant.now().minus(Duration.ofDays(1)));
        String now = PathNames.timestamp(Instant.now().plusSeconds(3600)); // an hour ahead: survives this test
        stale = Files.write(d.resolve(old + "-00000001.pb.gz"), Pprof.gzip(TestProfiles.cpu(1)));
        Files.writeString(d.resolve(old + "-00000001.labels.json"), "{}");
        fresh = Files.write(d.resolve(now + "-00000002.pb.gz"), Pprof.gzip(TestProfiles.cpu(2)));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-store:r?directory=" + dir + "&retention=3s");
            }
        };
    }

    @Test
    void expiredProfilesAreDeletedAtStartAndThenInTheBackground() throws Exception {
        assertThat(stale).doesNotExist();
        assertThat(stale.resolveSibling(stale.getFileName().toString().replace(".pb.gz", ".labels.json")))
                .doesNotExist();
        assertThat(fresh).exists();

        template.sendBody("direct:in", PushProfile.of(Labels.of(LabelNames.SERVICE_NAME, "svc"),
                RawSample.of(TestProfiles.cpu(3))));
        ProfileStoreReader reader = new ProfileStoreReader(dir);
        assertThat(reader.list()).hasSize(2);

        // 3 s retention, swept every 1 s (a tenth, clamped to at least 1 s): gone within ~4 s
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(reader.list()).extracting(StoredProfile::path).containsExactly(fresh));
    }
}
