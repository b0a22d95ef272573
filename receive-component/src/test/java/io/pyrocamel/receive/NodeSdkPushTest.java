package io.pyrocamel.receive;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.IngestFormat;
import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Node.js SDK ({@code @pyroscope/nodejs}, npm) pushes gzipped pprof to the receiver. Skipped when {@code npm}
 * is not on the PATH; the SDK is installed once into {@code target/node}.
 */
class NodeSdkPushTest extends ReceiveTestSupport {

    static final String SCRIPT = """
            const Pyroscope = require('@pyroscope/nodejs');
            Pyroscope.init({ serverAddress: process.env.ADDR, appName: 'node.app', tags: { env: 'node', zone: 'z1' },
                             flushIntervalMs: 1000, wall: { samplingDurationMs: 1000 } });
            Pyroscope.start();
            function burn() { let s = 0; for (let i = 0; i < 2e6; i++) { s += Math.sqrt(i); } return s; }
            const t = setInterval(burn, 5);
            setTimeout(() => { clearInterval(t); process.exit(0); }, 30000);
            """;

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    static Path installSdk() throws Exception {
        Path dir = Path.of(System.getProperty("pyrocamel.node.dir", "target/node"));
        String version = System.getProperty("pyroscope.nodejs.version", "0.6.4");
        Path pkg = dir.resolve("node_modules/@pyroscope/nodejs/package.json");
        if (Files.exists(pkg) && Files.readString(pkg).contains("\"version\": \"" + version + "\"")) {
            return dir;
        }
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                dir.toString(), "@pyroscope/nodejs@" + version)
                .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("npm-install.log"))).isZero();
        return dir;
    }

    @Test
    void nodeSdkPushesPprof() throws Exception {
        assumeThat(onPath("npm") && onPath("node")).as("node and npm on the PATH").isTrue();
        Path dir = installSdk();
        Path script = Files.writeString(dir.resolve("push.js"), SCRIPT);
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).directory(dir.toFile());
        pb.environment().put("ADDR", base());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("push.log").toFile());
        Process p = pb.start();
        try {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !received().isEmpty() || !p.isAlive());
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        assertThat(received()).as(Files.readString(dir.resolve("push.log"))).isNotEmpty();
        List<Exchange> got = received();
        IngestProfile profile = got.get(0).getIn().getBody(IngestProfile.class);
        assertThat(profile.labels().get("__name__")).startsWith("node.app");
        assertThat(profile.labels().get("service_name")).isEqualTo(profile.labels().get("__name__"));
        assertThat(profile.labels().get("env")).isEqualTo("node");
        assertThat(profile.labels().get("zone")).isEqualTo("z1");
        assertThat(profile.format()).isIn(IngestFormat.PPROF, IngestFormat.PPROF_FORM);
        byte[] pprof = profile.body().toByteArray();
        if (profile.format() == IngestFormat.PPROF_FORM) {
            Multipart.Part part = Multipart.parse(pprof, Multipart.boundary(profile.contentType())).stream()
                    .filter(x -> "profile".equals(x.name())).findFirst().orElseThrow();
            pprof = part.content(pprof);
        }
        assertThat(Pprof.decode(pprof).getSampleTypeCount()).isPositive();
    }
}
