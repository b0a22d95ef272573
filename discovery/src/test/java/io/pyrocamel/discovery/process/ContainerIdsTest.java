package io.pyrocamel.discovery.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pyrocamel.core.Labels;

import static org.assertj.core.api.Assertions.assertThat;

/** Container ids from /proc/PID/cgroup lines as real hosts write them, and from other discoverers' labels. */
class ContainerIdsTest {

    static final String ID = "38cc66d04683d0c2d679c28ee26be49b14012905d27b31105bfef89e3ff64299";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Docker 20.10, cgroupfs driver, cgroup v1 hierarchy (this CI machine, a container started by the tests)
        "docker cgroup v1 cgroupfs | 4:memory:/docker/" + ID,
        // the unified line of the same hybrid host
        "docker hybrid unified line | 0::/docker/" + ID,
        // Docker with the systemd cgroup driver on a cgroup v2 host (Debian 12, Ubuntu 22.04)
        "docker cgroup v2 systemd | 0::/system.slice/docker-" + ID + ".scope",
        // a process in a nested cgroup below the container's scope (systemd inside the container)
        "docker nested below scope | 0::/system.slice/docker-" + ID + ".scope/init.scope",
        // Kubernetes, containerd, systemd driver, cgroup v2 (EKS/GKE node images)
        "k8s containerd v2 | 0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod4712_84f_477e_9c35_db96487ffe5e.slice/cri-containerd-" + ID + ".scope",
        // Kubernetes, containerd or dockershim, cgroupfs driver, cgroup v1
        "k8s cgroupfs v1 | 11:devices:/kubepods/besteffort/pod85adbef3-622f-4ef2-8f60-a8bdf3eb6c72/" + ID,
        // Kubernetes, CRI-O, systemd driver (OpenShift)
        "k8s cri-o | 0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podb57320a0_e7eb_4ac8_a791_4c4472796867.slice/crio-" + ID + ".scope",
        // CRI-O's conmon monitor process of a container
        "k8s cri-o conmon | 0::/kubepods.slice/kubepods-besteffort.slice/crio-conmon-" + ID + ".scope",
        // kind / Docker-in-Docker: the host path seen through a cgroup namespace
        "cgroup namespace | 0::/../../kubepods-besteffort-pod88f6f4e3_59c0_4ce8_9ecf_391c8b5a60ad.slice/docker-" + ID + ".scope",
        // rootless Podman
        "podman | 0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + ID + ".scope/container",
    })
    void findsTheContainerIdInCgroupLines(String system, String line) {
        assertThat(ContainerIds.fromCgroup(line)).as(system).isEqualTo(ID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "systemd user session | 0::/user.slice/user-1000.slice/session-3.scope",
        "systemd service | 0::/system.slice/ssh.service",
        "root cgroup | 0::/",
        "process api slice (this CI machine) | 4:memory:/process_api/fdb25118a787caf0d7b7f18f84408259",
        "libvirt guest | 10:cpuset:/machine/qemu-1-instance-00000025.libvirt-qemu/emulator",
        "63 hex digits | 0::/docker/" + "8cc66d04683d0c2d679c28ee26be49b14012905d27b31105bfef89e3ff64299",
        "upper-case hex | 0::/docker/" + "38CC66D04683D0C2D679C28EE26BE49B14012905D27B31105BFEF89E3FF64299",
    })
    void findsNoIdOutsideContainers(String system, String line) {
        assertThat(ContainerIds.fromCgroup(line)).as(system).isEmpty();
    }

    @Test
    void takesTheFirstLineWithAnIdInACgroupV1File() {
        String file = """
                12:pids:/user.slice/user-1000.slice/session-2.scope
                11:memory:/docker/%s
                1:name=systemd:/docker/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                """.formatted(ID);
        assertThat(ContainerIds.fromCgroup(file)).isEqualTo(ID);
    }

    @Test
    void cgroupPathJoinsTheLinesWithBars() {
        assertThat(ContainerIds.cgroupPath("2:cpu:/a\n1:name=systemd:/b\n0::/c\n"))
                .isEqualTo("2:cpu:/a|1:name=systemd:/b|0::/c");
        assertThat(ContainerIds.cgroupPath("0::/system.slice/slurmstepd.scope/job_1/step_batch/user/task_0\n"))
                .isEqualTo("0::/system.slice/slurmstepd.scope/job_1/step_batch/user/task_0");
        assertThat(ContainerIds.cgroupPath("")).isEmpty();
    }

    @Test
    void kubernetesContainerIdsLoseTheirRuntimePrefix() {
        assertThat(ContainerIds.fromKubernetes("containerd://" + ID)).isEqualTo(ID);
        assertThat(ContainerIds.fromKubernetes("docker://" + ID)).isEqualTo(ID);
        assertThat(ContainerIds.fromKubernetes("cri-o://" + ID)).isEqualTo(ID);
        assertThat(ContainerIds.fromKubernetes("rkt://" + ID)).isEmpty();
        assertThat(ContainerIds.fromKubernetes(ID)).isEmpty();
    }

    @Test
    void targetContainerIdPrecedence() {
        assertThat(ContainerIds.fromTarget(Labels.of("__container_id__", "a",
                "__meta_kubernetes_pod_container_id", "docker://b", "__meta_docker_container_id", "c"))).isEqualTo("a");
        assertThat(ContainerIds.fromTarget(Labels.of("__meta_kubernetes_pod_container_id", "docker://b",
                "__meta_docker_container_id", "c"))).isEqualTo("b");
        // an unknown runtime prefix: no id, and the docker label is not consulted (Alloy)
        assertThat(ContainerIds.fromTarget(Labels.of("__meta_kubernetes_pod_container_id", "rkt://b",
                "__meta_docker_container_id", "c"))).isEmpty();
        assertThat(ContainerIds.fromTarget(Labels.of("__meta_docker_container_id", "c"))).isEqualTo("c");
        assertThat(ContainerIds.fromTarget(Labels.of("pod", "p"))).isEmpty();
    }
}
