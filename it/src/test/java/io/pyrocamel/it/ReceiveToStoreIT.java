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
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.push.v1.RawSample;
import io.pyrocamel.core.proto.types.v1.LabelPair;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

/**
 * The packaged app running the repository's {@code routes/receive-to-store.yaml}: a Connect push and an
 * {@code /ingest} upload from a real HTTP client land in the local store and decode.
 */
class ReceiveToStoreIT {

    @TempDir
    Path work;

    static boolean appHasReceiver() throws IOException {
        try (JarFile jar = new JarFile(AppProcess.appJar().toFile())) {
            return jar.getEntry("io/pyrocamel/receive/PyroscopeReceiveHttpComponent.class") != null;
        }
    }

    @Test
    void receivedProfilesLandInTheStore() throws Exception {
        assertThat(appHasReceiver()).as("the app jar bundles pyrocamel-receive-component (app/pom.xml dependency)")
                .isTrue();
        Path repo = Path.of(System.getProperty("pyrocamel.repo.dir", ".."));
        Files.createDirectories(work.resolve("routes"));
        Files.copy(repo.resolve("routes/receive-to-store.yaml"), work.resolve("routes/receive-to-store.yaml"));
        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(work, List.of("-Dpyrocamel.receive.port=" + port),
                "routes/receive-to-store.yaml")) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.output().contains("listening on") || !app.isAlive());
            assertThat(app.isAlive()).as("app running; output:%n%s", app.output()).isTrue();

            Profile cpu = Profiles.cpu(5);
            byte[] gz = Pprof.gzip(cpu.toByteArray());
            PushRequest push = PushRequest.newBuilder().addSeries(RawProfileSeries.newBuilder()
                    .addLabels(LabelPair.newBuilder().setName("__name__").setValue("process_cpu"))
                    .addLabels(LabelPair.newBuilder().setName("service_name").setValue("pushed"))
                    .addSamples(RawSample.newBuilder().setRawProfile(ByteString.copyFrom(gz)))).build();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r1 = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/push.v1.PusherService/Push"))
                    .header("Content-Type", "application/proto").header("Connect-Protocol-Version", "1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(push.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r1.statusCode()).as(r1.body()).isEqualTo(200);
            HttpResponse<String> r2 = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/ingest?name=ingested&format=pprof"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gz)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r2.statusCode()).as(r2.body()).isEqualTo(200);

            Path store = work.resolve("data/profiles");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !files(store.resolve("pushed")).isEmpty() && !files(store.resolve("ingested")).isEmpty());
            Path pushed = files(store.resolve("pushed")).get(0);
            assertThat(Pprof.decode(Files.readAllBytes(pushed))).isEqualTo(cpu);
        }
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".pb.gz")).toList();
        }
    }
}
