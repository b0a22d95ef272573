package io.pyrocamel.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app running the repository's {@code routes/scrape-file-sd.yaml}: a target listed in a file_sd file is
 * scraped (every default profile path of a loopback pprof server) into the local store; emptying the file stops the
 * scraping.
 */
class ScrapeFileSdIT {

    @TempDir
    Path work;

    static boolean appHasScraper() throws IOException {
        try (JarFile jar = new JarFile(AppProcess.appJar().toFile())) {
            return jar.getEntry("io/pyrocamel/scrape/PyroscopeScrapeComponent.class") != null;
        }
    }

    @Test
    void fileSdTargetsAreScrapedIntoTheStore() throws Exception {
        assertThat(appHasScraper()).as("the app jar bundles pyrocamel-scrape-component (app/pom.xml dependency)")
                .isTrue();
        byte[] profile = Pprof.gzip(Profiles.cpu(3).toByteArray());
        Set<String> paths = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/debug/pprof/", ex -> {
            paths.add(ex.getRequestURI().toString());
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, profile.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(profile);
            }
        });
        server.start();
        try {
            Path repo = Path.of(System.getProperty("pyrocamel.repo.dir", ".."));
            Files.createDirectories(work.resolve("routes"));
            Files.copy(repo.resolve("routes/scrape-file-sd.yaml"), work.resolve("routes/scrape-file-sd.yaml"));
            Path targets = Files.createDirectories(work.resolve("targets"));
            Files.writeString(targets.resolve("app.json"), "[{\"targets\": [\"127.0.0.1:"
                    + server.getAddress().getPort() + "\"], \"labels\": {\"service_name\": \"scraped-app\"}}]");
            try (AppProcess app = AppProcess.start(work, List.of("-Dpyrocamel.scrape.interval=3s",
                    "-Dpyrocamel.scrape.delta=2s"), "routes/scrape-file-sd.yaml")) {
                Path store = work.resolve("data/profiles/scraped-app");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> !app.isAlive() || List.of("process_cpu", "memory", "goroutine", "mutex", "block")
                                .stream().allMatch(t -> !filesQuietly(store.resolve(t)).isEmpty()));
                assertThat(app.isAlive()).as("app running; output:%n%s", app.output()).isTrue();
                assertThat(paths).contains("/debug/pprof/profile?seconds=2", "/debug/pprof/allocs",
                        "/debug/pprof/goroutine", "/debug/pprof/mutex", "/debug/pprof/block");
                Path cpu = ReceiveToStoreIT.files(store.resolve("process_cpu")).get(0);
                assertThat(Files.readAllBytes(cpu)).as("forwarded untouched").isEqualTo(profile);

                Files.writeString(targets.resolve("app.json"), "[]");
                // the file watch, then the target change (applied at most every targetSyncInterval, 5 s), then the
                // loops stop: within 30 s there must be a 5 s window (more than one 3 s interval) with no scrape
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                boolean quiet = false;
                while (!quiet && System.nanoTime() < deadline) {
                    paths.clear();
                    Thread.sleep(5000);
                    quiet = paths.isEmpty();
                }
                assertThat(quiet).as("scraping stopped after the target left the file; last paths %s", paths)
                        .isTrue();
            }
        } finally {
            server.stop(0);
        }
    }

    private static List<Path> filesQuietly(Path dir) {
        try {
            return ReceiveToStoreIT.files(dir);
        } catch (IOException e) {
            return List.of();
        }
    }
}
