package io.pyrocamel.discovery.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The labels of each process and the join, on a /proc tree made by the test ({@code procPath}): exact label sets,
 * including processes that cannot be read, the discover_config switches and a join followed live.
 */
class DiscoveryProcessLabelsTest extends CamelTestSupport {

    static final String CID = "7edda1de1e0d1d366351e478359cf5fa16bb8ab53063a99bb119e56971bfb7e2";

    @TempDir
    Path tmp;

    FakeProc proc;

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        proc = new FakeProc(Files.createDirectories(tmp.resolve("proc")));
        proc.process(1, "/usr/lib/systemd/systemd", "/", "/sbin/init splash", "0", "0::/init.scope\n")
                // a kernel thread: no exe, empty cmdline → left out
                .process(2, null, "/", "", "0", "0::/\n")
                .process(4242, "/usr/local/bin/app", "/srv/app", "app --flag  x", "0",
                        "1:name=systemd:/docker/" + CID + "\n0::/docker/" + CID + "\n");
        Files.createDirectories(tmp.resolve("proc/self")); // not a process
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-process:fake?refreshInterval=100ms&procPath=" + proc.root()
                     + "&discoverConfigUid=true&discoverConfigUsername=true&discoverConfigCgroupPath=true"
                     + "&joinTargetSet=containers"
                     + "&join=RAW([{\"__container_id__\":\"other\",\"pod\":\"p2\"}])")
                        .routeId("fake")
                        .to("targets:procs");
                from("discovery-process:minimal?refreshInterval=100ms&procPath=" + proc.root()
                     + "&discoverConfigCwd=false&discoverConfigCommandline=false&discoverConfigContainerId=false")
                        .to("targets:minimal");
            }
        };
    }

    private List<Target> current(String set) {
        TargetSet s = TargetSetRegistry.of(context).current(set);
        return s == null ? null : s.targets();
    }

    @Test
    void labelsJoinAndLiveJoinChanges() throws Exception {
        Target init = Target.of("__process_pid__", "1", "__meta_process_exe", "/usr/lib/systemd/systemd",
                "__meta_process_cwd", "/", "__meta_process_commandline", "/sbin/init splash",
                "__meta_process_uid", "0", "__meta_process_username", "root",
                "__meta_process_cgroup_path", "0::/init.scope");
        Target app = Target.of("__process_pid__", "4242", "__meta_process_exe", "/usr/local/bin/app",
                "__meta_process_cwd", "/srv/app", "__meta_process_commandline", "app --flag x",
                "__meta_process_uid", "0", "__meta_process_username", "root", "__container_id__", CID,
                "__meta_process_cgroup_path", "1:name=systemd:/docker/" + CID + "|0::/docker/" + CID);
        Target inlineJoin = Target.of("__container_id__", "other", "pod", "p2");

        await().untilAsserted(() -> assertThat(current("procs")).containsExactly(init, app, inlineJoin));
        assertThat(current("minimal")).containsExactly(
                Target.of("__process_pid__", "1", "__meta_process_exe", "/usr/lib/systemd/systemd"),
                Target.of("__process_pid__", "4242", "__meta_process_exe", "/usr/local/bin/app"));

        // the joined set changes: the joined list is emitted again without waiting for a scan
        Target container = Target.of("__meta_docker_container_id", CID, "__meta_docker_container_name", "/web");
        TargetSetRegistry.of(context).publish("containers", List.of(container));
        Target joined = new Target(app.labels().toBuilder().setAll(container.labels()).build());
        await().untilAsserted(() -> assertThat(current("procs")).containsExactly(init, joined, inlineJoin, container));

        // a process exits and a new one starts
        proc.remove(4242);
        proc.process(5000, "/usr/bin/python3", "/", "python3 -m http.server", "0", "0::/user.slice\n");
        await().untilAsserted(() -> assertThat(current("procs")).extracting(t -> t.get("__process_pid__"))
                .containsExactly("1", "5000", null, null));
    }
}
