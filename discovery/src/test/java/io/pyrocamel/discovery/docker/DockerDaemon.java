package io.pyrocamel.discovery.docker;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real Docker daemon the tests run against, on unix:///var/run/docker.sock. When none answers, the tests start one
 * with {@code .ci/docker.sh start} (installs docker.io and busybox-static when missing, starts dockerd, imports the
 * image {@value #IMAGE}); when that fails, the test fails with the script's output: it never skips.
 */
final class DockerDaemon {

    static final String HOST = "unix:///var/run/docker.sock";
    static final String IMAGE = "pyrocamel/busybox:test";

    private DockerDaemon() {
    }

    static DockerClient client() {
        URI host = URI.create(HOST);
        var http = new ZerodepDockerHttpClient.Builder().dockerHost(host).connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60)).build();
        return DockerClientImpl.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(HOST).withDockerTlsVerify(false).build(), http);
    }

    /** A client of a running daemon that has the test image; starts one when needed. */
    static DockerClient ensure() throws Exception {
        DockerClient c = client();
        if (ready(c)) {
            return c;
        }
        Path script = Path.of(System.getProperty("pyrocamel.repo.dir", "..")).resolve(".ci/docker.sh")
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            fail("No Docker daemon answers on " + HOST + " and " + script + " is missing to start one");
        }
        Path log = Files.createTempFile("docker-start", ".log");
        Process p = new ProcessBuilder("bash", script.toString(), "start").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("`" + script + " start` did not finish within 10 minutes: " + read(log));
        }
        if (p.exitValue() != 0 || !ready(c)) {
            fail("The Docker daemon could not be started on this machine (`" + script + " start` exited "
                 + p.exitValue() + "):\n" + read(log));
        }
        return c;
    }

    private static boolean ready(DockerClient c) {
        try {
            c.pingCmd().exec();
            c.inspectImageCmd(IMAGE).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
