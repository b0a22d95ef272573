package io.pyrocamel.app;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up failures: a route file with an error stops start-up with one message naming the file, the option and the
 * value; a missing route file is a command-line error (exit 2); a busy management port fails before any route starts.
 */
class StartupFailureTest {

    @TempDir
    Path tmp;

    /** No management server: these start-ups fail in Camel, the console would only cost time. */
    private static final Map<String, String> NO_MANAGEMENT = Map.of("pyrocamel.management.enabled", "false");

    @Test
    void unknownEndpointOptionNamesFileOptionAndValue() {
        Path file = TestApp.route("unknown-option.yaml");
        assertThatThrownBy(() -> TestApp.start(NO_MANAGEMENT, "timer.yaml", "unknown-option.yaml"))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Route file " + file)
                .hasMessageContaining("route 'misspelled'")
                .hasMessageContaining("endpoint timer://tick?perod=5000")
                .hasMessageContaining("unknown option 'perod' (value '5000')");
    }

    @Test
    void badOptionValueNamesFileOptionAndValue() {
        Path file = TestApp.route("bad-value.yaml");
        assertThatThrownBy(() -> TestApp.start(NO_MANAGEMENT, "bad-value.yaml"))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Route file " + file)
                .hasMessageContaining("invalid value for option 'period': 'soon'")
                .hasMessageContaining("java.time.Duration");
    }

    @Test
    void brokenYamlNamesFileAndLine() {
        Path file = TestApp.route("bad-syntax.yaml");
        assertThatThrownBy(() -> TestApp.start(NO_MANAGEMENT, "bad-syntax.yaml"))
                .isInstanceOf(StartupException.class)
                .hasMessage("Route file " + file + ", line 6, column 18: mapping values are not allowed here");
    }

    @Test
    void busyManagementPortFailsStartup() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            assertThatThrownBy(() -> TestApp.start(Map.of("pyrocamel.management.port", Integer.toString(port)),
                    "timer.yaml"))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("Cannot open the management port 127.0.0.1:" + port
                                            + " (pyrocamel.management.host, pyrocamel.management.port)");
        }
    }

    @Test
    void missingRouteFileIsExitCode2() {
        assertThatThrownBy(() -> RouteFiles.resolve(List.of("no/such/routes.yaml")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Route file no/such/routes.yaml not found")
                .satisfies(e -> assertThat(((StartupException) e).getExitCode()).isEqualTo(2));
        assertThat(PyrocamelApplication.run(new String[] { "no/such/routes.yaml" })).isEqualTo(2);
    }

    /**
     * The real process: exit code 1, and on the console exactly one ERROR line naming file and option, no stack trace.
     */
    @Test
    void processExitsWithOneClearErrorLine() throws Exception {
        Path file = TestApp.route("unknown-option.yaml");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dpyrocamel.management.enabled=false");
        command.add("-XX:TieredStopAtLevel=1");
        command.add(PyrocamelApplication.class.getName());
        command.add(file.toString());
        // the console goes to a file: reading the pipe while the process exits can lose its last lines
        Path log = tmp.resolve("console.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(".")).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process ends").isTrue();
        String console = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(console).isEqualTo(1);
        List<String> errors = console.lines().filter(l -> l.contains("ERROR")).toList();
        assertThat(errors).as(console).hasSize(1);
        assertThat(errors.get(0))
                .contains("pyrocamel failed to start: Route file " + file)
                .contains("unknown option 'perod' (value '5000')");
        assertThat(console).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:");
    }
}
