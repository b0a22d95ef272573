package io.pyrocamel.discovery.process;

/**
 * Alloy's {@code discover_config} block: which labels {@code discovery-process} reads for each process.
 *
 * @since 0.1.0
 */
public record DiscoverConfig(boolean cwd, boolean exe, boolean commandline, boolean username, boolean uid,
                             boolean containerId, boolean cgroupPath) {

    /** Alloy v1.15.1's defaults (source): cwd, exe, commandline, container_id on; username, uid, cgroup_path off. */
    public static final DiscoverConfig DEFAULT = new DiscoverConfig(true, true, true, false, false, true, false);
}
