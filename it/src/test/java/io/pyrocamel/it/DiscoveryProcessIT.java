package io.pyrocamel.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app runs routes/discovery-process-log.yaml: process discovery on this host feeds the log step (the app
 * itself is a java process), and the discovery metrics are on /metrics.
 */
class DiscoveryProcessIT {

    @TempDir
    Path work;

    @Test
    void processDiscoveryLogsAndExportsMetrics() throws Exception {
        Path routes = Path.of(System.getProperty("pyrocamel.repo.dir", "..")).resolve("routes")
                .resolve("discovery-process-log.yaml").toAbsolutePath().normalize();
        try (AppProcess app = AppProcess.start(work,
                List.of("-Dpyrocamel.discovery.process.refresh-interval=1s"), routes.toString())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> !app.isAlive()
                    || app.output().contains("java processes"));
            String out = app.output();
            assertThat(app.isAlive()).as(out).isTrue();
            assertThat(out).contains("discovery-process:all version 1: ").containsPattern("[1-9][0-9]* java processes");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.managementPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).containsPattern(
                    "pyroscope_discovery_targets\\{[^}]*component_id=\"discovery.process.all\"[^}]*} [1-9]")
                    .contains("pyroscope_discovery_refresh_failures_total{")
                    .contains("pyroscope_discovery_last_refresh_timestamp_seconds{");
        }
    }
}
