package io.pyrocamel.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged pyrocamel jar running as a real child process. Output goes to a file the test can read; the process is
 * destroyed on close.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    final int managementPort;

    private AppProcess(Process process, Path output, int managementPort) {
        this.process = process;
        this.output = output;
        this.managementPort = managementPort;
    }

    static Path appJar() {
        Path jar = Path.of(System.getProperty("pyrocamel.app.jar", "../app/target/pyrocamel-app-0.1.0.jar"));
        assertThat(jar).as("the packaged app jar (build app/ first)").exists();
        return jar;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code java [sysProps] -jar app.jar [args]} in {@code workDir}. */
    static AppProcess start(Path workDir, List<String> sysProps, String... args) throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-Dpyrocamel.management.port=" + port);
        cmd.addAll(sysProps);
        cmd.add("-jar");
        cmd.add(appJar().toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        Path out = workDir.resolve("app-output.log");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        return new AppProcess(p, out, port);
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end; returns its exit code, or fails the test when it does not end in time. */
    int waitForExit(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(ended).as("process ended within %s; output:%n%s", timeout, output()).isTrue();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
