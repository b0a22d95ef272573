package io.pyrocamel.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.ReceivedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app running the repository's {@code routes/write-file-import.yaml}: pprof files dropped into the inbox
 * are pushed by {@code pyroscope-write} to the Pyroscope ingester double, which decodes them; labels, tenant and bytes
 * are compared, and the app's /metrics shows the write metrics.
 */
class WriteRouteIT {

    @TempDir
    Path work;

    @Test
    void profileFilesArePushedToPyroscope() throws Exception {
        Path repo = Path.of(System.getProperty("pyrocamel.repo.dir", ".."));
        Files.createDirectories(work.resolve("routes"));
        Path route = Files.copy(repo.resolve("routes/write-file-import.yaml"),
                work.resolve("routes/write-file-import.yaml"));

        try (PyroscopeDouble pyroscope = PyroscopeDouble.builder().requireTenant(true).start();
             AppProcess app = AppProcess.start(work, List.of("-Dpyrocamel.write.url=" + pyroscope.url(),
                     "-Dpyrocamel.write.tenant=squad-1", "-Dpyrocamel.write.env=it"), route.toString())) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.output().contains("pyrocamel started") || !app.isAlive());
            assertThat(app.isAlive()).as("app running; output:%n%s", app.output()).isTrue();

            Profile cpu = Profiles.cpu(7);
            byte[] cpuGz = Pprof.gzip(cpu.toByteArray());
            Profile plain = Profiles.cpu(3);
            Path inbox = work.resolve("data/write-inbox");
            Profiles.drop(inbox, "cart.cpu.pb.gz", cpuGz);
            Profiles.drop(inbox, "inventory.pb", plain.toByteArray());
            Profiles.drop(inbox, "notes.txt", "this is not a profile".getBytes());

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> pyroscope.accepted().size() == 2);
            ReceivedRequest cart = byService(pyroscope, "cart");
            assertThat(cart.pushLabels().asMap()).containsEntry("__name__", "process_cpu")
                    .containsEntry("service_name", "cart").containsEntry("env", "it").hasSize(3);
            assertThat(cart.tenant()).isEqualTo("squad-1");
            assertThat(cart.header("User-Agent")).startsWith("pyrocamel/");
            byte[] sent = cart.push().getSeries(0).getSamples(0).getRawProfile().toByteArray();
            assertThat(sent).as("gzipped pprof pushed byte for byte").isEqualTo(cpuGz);
            assertThat(Pprof.decode(sent)).isEqualTo(cpu);
            ReceivedRequest inventory = byService(pyroscope, "inventory");
            assertThat(Pprof.decode(inventory.push().getSeries(0).getSamples(0).getRawProfile().toByteArray()))
                    .isEqualTo(plain);

            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(".error/notes.txt"))
                    && Files.exists(inbox.resolve(".done/cart.cpu.pb.gz")));
            assertThat(pyroscope.requests()).as("the text file never reached the server").hasSize(2);

            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.managementPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body())
                    .contains("pyroscope_write_sent_profiles_total{endpoint=\"" + pyroscope.url() + "\"} 2.0")
                    .contains("pyroscope_write_latency_bucket{endpoint=\"-\",type=\"push_total\"");
        }
    }

    private static ReceivedRequest byService(PyroscopeDouble pyroscope, String service) {
        return pyroscope.accepted().stream().filter(r -> service.equals(r.pushLabels().get("service_name")))
                .findFirst().orElseThrow();
    }
}
