package io.pyrocamel.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app, started with no arguments in a fresh folder holding a copy of the repository's
 * {@code routes/default.yaml}: profile files dropped into {@code data/inbox} land in the local store under
 * {@code data/profiles}, and decode.
 */
class DefaultRoutesStoreIT {

    @TempDir
    Path work;

    @Test
    void importsDroppedProfilesIntoTheLocalStore() throws Exception {
        Path repo = Path.of(System.getProperty("pyrocamel.repo.dir", ".."));
        Files.createDirectories(work.resolve("routes"));
        Files.copy(repo.resolve("routes/default.yaml"), work.resolve("routes/default.yaml"));

        try (AppProcess app = AppProcess.start(work, List.of())) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.output().contains("pyrocamel started") || !app.isAlive());
            assertThat(app.isAlive()).as("app running; output:%n%s", app.output()).isTrue();

            Profile cpu = Profiles.cpu(7);
            byte[] cpuGz = Pprof.gzip(cpu.toByteArray());
            Profile plain = Profiles.cpu(3);
            byte[] jfr = Profiles.jfrRecording(work);
            Path inbox = work.resolve("data/inbox");
            Profiles.drop(inbox, "cart.cpu.pb.gz", cpuGz);
            Profiles.drop(inbox, "inventory.pb", plain.toByteArray());
            Profiles.drop(inbox, "billing.jfr", jfr);
            Profiles.drop(inbox, "notes.txt", "this is not a profile".getBytes());

            Path store = work.resolve("data/profiles");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> stored(store, "cart", ".pb.gz").size() == 1
                                 && stored(store, "inventory", ".pb.gz").size() == 1
                                 && stored(store, "billing", ".jfr").size() == 1);

            Path cartFile = stored(store, "cart", ".pb.gz").get(0);
            assertThat(cartFile.getParent().getFileName().toString()).isEqualTo("process_cpu");
            assertThat(Files.readAllBytes(cartFile)).as("gzipped pprof stored byte for byte").isEqualTo(cpuGz);
            assertThat(Pprof.decode(Files.readAllBytes(cartFile))).isEqualTo(cpu);
            assertThat(Pprof.decode(Files.readAllBytes(stored(store, "inventory", ".pb.gz").get(0))))
                    .isEqualTo(plain);

            Path jfrFile = stored(store, "billing", ".jfr").get(0);
            assertThat(Files.readAllBytes(jfrFile)).isEqualTo(jfr);
            List<RecordedEvent> events = RecordingFile.readAllEvents(jfrFile);
            assertThat(events).isNotEmpty();

            // the labels sidecar sits next to each profile
            try (Stream<Path> siblings = Files.list(cartFile.getParent())) {
                assertThat(siblings.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.endsWith(".json"));
            }
            // the text file is refused and moved aside, never stored
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(inbox.resolve(".error/notes.txt")));
            assertThat(stored(store, "notes", "")).isEmpty();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.managementPort + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.managementPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_");

            assertThat(app.output()).contains("import-profiles");
        }
    }

    /** Stored profile files of a service whose name ends with the suffix (sidecars excluded). */
    static List<Path> stored(Path store, String service, String suffix) throws IOException {
        Path dir = store.resolve(service);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(suffix) && !n.endsWith(".json") && !n.startsWith(".");
                    })
                    .toList();
        }
    }
}
