package io.pyrocamel.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application as a user runs it: {@code java -jar pyrocamel-app-0.1.0.jar} without arguments in a folder
 * that holds {@code routes/default.yaml}. Checks that the shaded jar has everything (Camel's merged service files, the
 * store component, the Hawtio war), serves the management endpoints, imports a profile, and stops on SIGTERM.
 */
class PackagedJarIT {

    @TempDir
    Path work;

    @Test
    void runsTheDefaultRoutesFromTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("pyrocamel.app.jar", "target/pyrocamel-app-0.1.0.jar")).toAbsolutePath();
        assertThat(jar).exists();
        Files.createDirectories(work.resolve("routes"));
        Files.copy(Path.of("..", "routes", "default.yaml"), work.resolve("routes/default.yaml"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        // the console goes to a file: reading the pipe while the process exits can lose its last lines
        Path log = work.resolve("console.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpyrocamel.management.port=" + port, "-jar", jar.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Callable<List<String>> console = () -> Files.readAllLines(log, StandardCharsets.UTF_8);
        try {
            await().atMost(60, TimeUnit.SECONDS)
                    .until(() -> !p.isAlive() || console.call().stream().anyMatch(l -> l.contains("pyrocamel started")));
            assertThat(p.isAlive()).as(String.join("\n", console.call())).isTrue();
            assertThat(console.call())
                    .anyMatch(l -> l.contains("INFO") && l.contains("Started route import-profiles from file://data/inbox?"))
                    .anyMatch(l -> l.matches(".*pyrocamel started 1 routes in \\d+ ms"));

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            HttpResponse<String> metrics = get(http, base.resolve("metrics"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("routeId=\"import-profiles\"");
            // ready once the file consumer has polled for the first time (Camel's consumer health check)
            await().atMost(20, TimeUnit.SECONDS).until(() -> get(http, base.resolve("health/ready")).statusCode() == 200);
            assertThat(get(http, base.resolve("health/ready")).body()).contains("\"status\":\"UP\"");
            assertThat(get(http, base.resolve("hawtio/")).statusCode()).isEqualTo(200);
            assertThat(get(http, base.resolve(
                    "hawtio/jolokia/read/org.apache.camel:context=*,type=routes,name=%22import-profiles%22/State")).body())
                    .contains("\"State\":\"Started\"");

            // a profile dropped into the inbox lands in the store
            byte[] profile = Pprof.gzip(Profile.newBuilder().addStringTable("").addStringTable("cpu")
                    .addStringTable("nanoseconds").addSampleType(ValueType.newBuilder().setType(1).setUnit(2))
                    .addSample(Sample.newBuilder().addValue(1)).build().toByteArray());
            Path inbox = Files.createDirectories(work.resolve("data/inbox"));
            Path staging = Files.write(work.resolve("staging"), profile);
            Files.move(staging, inbox.resolve("shop.cpu.pb.gz"), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(20, TimeUnit.SECONDS).until(() -> storedProfiles(work.resolve("data/profiles/shop")) > 0);
        } finally {
            p.destroy(); // SIGTERM
            boolean exited = p.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly();
            }
            assertThat(exited).as("stops on SIGTERM").isTrue();
        }
        List<String> lines = console.call();
        assertThat(lines).as(String.join("\n", lines))
                .anyMatch(l -> l.contains("pyrocamel stopped in"))
                .noneMatch(l -> l.contains("ERROR") || l.contains("WARN"));
    }

    private static long storedProfiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".pb.gz")).count();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
