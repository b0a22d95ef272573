package io.pyrocamel.discovery.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;

/**
 * Container ids as Alloy's {@code discovery.process} finds them: in a process' {@code /proc/<pid>/cgroup} and in the
 * labels of other discoverers' targets (for {@code join}).
 *
 * @since 0.1.0
 */
public final class ContainerIds {

    /**
     * A 64-hex-digit id as the last path element of a cgroup line, optionally after a {@code <runtime>-} prefix and
     * before a {@code .scope}-like suffix: Alloy's {@code ^.*\/(?:.*-)?([0-9a-f]{64})(?:\.|\s*$)}.
     */
    private static final Pattern CGROUP_CONTAINER_ID = Pattern.compile("^.*/(?:.*-)?([0-9a-f]{64})(?:\\.|\\s*$)");

    /** The runtime prefixes of {@code __meta_kubernetes_pod_container_id} that a container id may carry. */
    private static final String[] KUBERNETES_PREFIXES = {"docker://", "containerd://", "cri-o://"};

    public static final String KUBERNETES_CONTAINER_ID = "__meta_kubernetes_pod_container_id";
    public static final String DOCKER_CONTAINER_ID = "__meta_docker_container_id";

    private ContainerIds() {
    }

    /** The container id in the content of {@code /proc/<pid>/cgroup}: the first line that has one, or "". */
    public static String fromCgroup(String cgroupFile) {
        for (String line : cgroupFile.split("\n", -1)) {
            Matcher m = CGROUP_CONTAINER_ID.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    /** The cgroup path label: the lines of {@code /proc/<pid>/cgroup} joined with {@code |} (cgroup v1: several). */
    public static String cgroupPath(String cgroupFile) {
        String s = cgroupFile.endsWith("\n") ? cgroupFile.substring(0, cgroupFile.length() - 1) : cgroupFile;
        return s.replace('\n', '|');
    }

    /** A Kubernetes container id without its runtime prefix; "" for an unknown prefix (Alloy). */
    public static String fromKubernetes(String containerId) {
        for (String p : KUBERNETES_PREFIXES) {
            if (containerId.startsWith(p)) {
                return containerId.substring(p.length());
            }
        }
        return "";
    }

    /**
     * The container id of a target: {@code __container_id__}, else {@code __meta_kubernetes_pod_container_id} without
     * its runtime prefix, else {@code __meta_docker_container_id}; "" when none.
     */
    public static String fromTarget(Labels target) {
        String cid = target.get(LabelNames.CONTAINER_ID);
        if (cid != null) {
            return cid;
        }
        cid = target.get(KUBERNETES_CONTAINER_ID);
        if (cid != null) {
            return fromKubernetes(cid);
        }
        cid = target.get(DOCKER_CONTAINER_ID);
        return cid == null ? "" : cid;
    }
}
