package io.pyrocamel.discovery.process;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Target;

import static org.assertj.core.api.Assertions.assertThat;

/** Alloy's join semantics: its docs example and its unit test, as facts. */
class ProcessJoinTest {

    @Test
    void theExampleOfAlloysDocs() {
        List<Target> join = List.of(
                Target.of("pod", "pod-1", "__container_id__", "container-1"),
                Target.of("pod", "pod-2", "__container_id__", "container-2"));
        List<Target> processes = List.of(
                Target.of("__process_pid__", "1", "__container_id__", "container-1"),
                Target.of("__process_pid__", "2"));
        assertThat(ProcessJoin.join(processes, join)).containsExactly(
                Target.of("__container_id__", "container-1", "__process_pid__", "1", "pod", "pod-1"),
                Target.of("__process_pid__", "2"),
                Target.of("__container_id__", "container-1", "pod", "pod-1"),
                Target.of("__container_id__", "container-2", "pod", "pod-2"));
    }

    @Test
    void joinsByKubernetesAndDockerIdsAndKeepsTargetsWithoutId() {
        String docker = "7edda1de1e0d1d366351e478359cf5fa16bb8ab53063a99bb119e56971bfb7e2";
        String k8s = "47e320f795efcec1ecf2001c3a09c95e3701ed87de8256837b70b10e23818251";
        List<Target> processes = List.of(
                Target.of("__process_pid__", "239", "__meta_process_exe", "/bin/foo", "__container_id__", docker),
                Target.of("__process_pid__", "240", "__meta_process_exe", "/bin/bar", "__container_id__", docker),
                Target.of("__process_pid__", "241", "__meta_process_exe", "/bin/bash"),
                Target.of("__process_pid__", "242", "__container_id__", k8s));
        List<Target> others = List.of(
                Target.of("__meta_docker_container_id", docker, "foo", "bar"),
                Target.of("__meta_kubernetes_pod_container_id", "containerd://" + k8s, "qwe", "asd"),
                Target.of("lol", "lol"));
        assertThat(ProcessJoin.join(processes, others)).containsExactly(
                Target.of("lol", "lol"),
                Target.of("__process_pid__", "239", "__meta_process_exe", "/bin/foo", "__container_id__", docker,
                        "__meta_docker_container_id", docker, "foo", "bar"),
                Target.of("__process_pid__", "240", "__meta_process_exe", "/bin/bar", "__container_id__", docker,
                        "__meta_docker_container_id", docker, "foo", "bar"),
                Target.of("__process_pid__", "241", "__meta_process_exe", "/bin/bash"),
                Target.of("__process_pid__", "242", "__container_id__", k8s,
                        "__meta_kubernetes_pod_container_id", "containerd://" + k8s, "qwe", "asd"),
                Target.of("__meta_docker_container_id", docker, "foo", "bar"),
                Target.of("__meta_kubernetes_pod_container_id", "containerd://" + k8s, "qwe", "asd"));
    }

    @Test
    void theJoinedTargetsLabelsWin() {
        assertThat(ProcessJoin.join(List.of(Target.of("__process_pid__", "1", "__container_id__", "c", "x", "process")),
                List.of(Target.of("__container_id__", "c", "x", "container"))))
                .first().isEqualTo(Target.of("__process_pid__", "1", "__container_id__", "c", "x", "container"));
    }

    @Test
    void nothingToJoinKeepsTheProcesses() {
        List<Target> processes = List.of(Target.of("__process_pid__", "1", "__container_id__", "c"));
        assertThat(ProcessJoin.join(processes, List.of())).isEqualTo(processes);
    }
}
