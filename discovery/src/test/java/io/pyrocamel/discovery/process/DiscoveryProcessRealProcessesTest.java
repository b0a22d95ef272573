package io.pyrocamel.discovery.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real processes started by the test appear with their labels, disappear when they exit, and come back with a new pid. */
class DiscoveryProcessRealProcessesTest extends CamelTestSupport {

    @TempDir
    Path dir;

    private Process process;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-process:local?refreshInterval=200ms&discoverConfigUid=true"
                     + "&discoverConfigUsername=true")
                        .to("targets:local");
            }
        };
    }

    @AfterEach
    void killProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Optional<Target> byPid(long pid) {
        TargetSet set = TargetSetRegistry.of(context).current("local");
        if (set == null) {
            return Optional.empty();
        }
        return set.targets().stream().filter(t -> String.valueOf(pid).equals(t.get("__process_pid__"))).findFirst();
    }

    /**
     * The target of the process once it runs {@code sleep}: right after the fork the child may still be the JDK's
     * spawn helper (jspawnhelper) until it execs, and a scan can catch it then.
     */
    private boolean sleeping(long pid) {
        return byPid(pid).map(t -> t.get("__meta_process_commandline")).filter("sleep 86399"::equals).isPresent();
    }

    private Process startSleep() throws Exception {
        return new ProcessBuilder("sleep", "86399").directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void appearsExitsAndRestartsWithANewPid() throws Exception {
        process = startSleep();
        long pid = process.pid();
        await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(pid));

        Target t = byPid(pid).orElseThrow();
        String uid = List.of(Files.readString(Path.of("/proc/self/status")).split("\n")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().substring(4).trim().split("\\s+")[0];
        assertThat(t.get("__meta_process_exe")).isEqualTo(Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe"))
                .toString()).endsWith("sleep");
        assertThat(t.get("__meta_process_cwd")).isEqualTo(dir.toRealPath().toString());
        assertThat(t.get("__meta_process_commandline")).isEqualTo("sleep 86399");
        assertThat(t.get("__meta_process_uid")).isEqualTo(uid);
        if (uid.equals("0")) {
            assertThat(t.get("__meta_process_username")).isEqualTo("root");
        }
        // this machine runs the tests outside containers: no container id
        assertThat(t.get("__container_id__")).isNull();
        // the JVM running the test is there too, with its own command line
        assertThat(byPid(ProcessHandle.current().pid())).get()
                .extracting(x -> x.get("__meta_process_exe")).asString().endsWith(File.separator + "java");

        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        await().atMost(10, TimeUnit.SECONDS).until(() -> byPid(pid).isEmpty());

        process = startSleep();
        long newPid = process.pid();
        assertThat(newPid).isNotEqualTo(pid);
        await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(newPid));
        assertThat(byPid(pid)).isEmpty();
        assertThat(byPid(newPid).orElseThrow().get("__meta_process_commandline")).isEqualTo("sleep 86399");
    }
}
