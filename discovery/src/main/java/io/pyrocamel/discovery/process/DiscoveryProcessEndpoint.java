package io.pyrocamel.discovery.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.Targets;
import io.pyrocamel.discovery.AbstractDiscoveryEndpoint;
import io.pyrocamel.discovery.DiscoveryConstants;

/**
 * Discover the processes of the local Linux host from {@code /proc} (Alloy's {@code discovery.process}) and emit the
 * complete list at start and whenever it changes.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "discovery-process", title = "Discovery Process",
             syntax = "discovery-process:name", consumerOnly = true, remote = false,
             category = {Category.MONITORING}, headersClass = DiscoveryConstants.class)
public final class DiscoveryProcessEndpoint extends AbstractDiscoveryEndpoint {

    public static final String DEFAULT_REFRESH_INTERVAL = "60s";
    static final long DEFAULT_REFRESH_INTERVAL_MILLIS = 60_000;
    public static final String DEFAULT_PROC_PATH = "/proc";

    @UriParam(label = "consumer", defaultValue = DEFAULT_REFRESH_INTERVAL, javaType = "java.time.Duration",
              description = "How often /proc is scanned (Alloy refresh_interval). The list is emitted after the first"
                            + " scan and after every scan that changes it.")
    private long refreshInterval = DEFAULT_REFRESH_INTERVAL_MILLIS;

    @UriParam(label = "consumer",
              description = "Targets to join to the processes by container id (Alloy join), inline: a JSON list of"
                            + " label maps such as [{\"__container_id__\":\"...\",\"pod\":\"p\"}]. A process whose"
                            + " __container_id__ equals a target's __container_id__, or its"
                            + " __meta_kubernetes_pod_container_id without the docker://, containerd:// or cri-o://"
                            + " prefix, or its __meta_docker_container_id, gets that target's labels; the join"
                            + " targets are in the list too (see the doc page). In a URI wrap it in RAW(...).")
    private String join;

    @UriParam(label = "consumer",
              description = "Name of a target set (published with to: targets:NAME, e.g. by a discovery-kubernetes or"
                            + " discovery-docker route) whose targets are joined like those of join, followed live: the"
                            + " joined list is emitted again whenever the set changes. With join too, both are"
                            + " joined (join first).")
    private String joinTargetSet;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Read each process' working directory into __meta_process_cwd (Alloy discover_config.cwd).")
    private boolean discoverConfigCwd = DiscoverConfig.DEFAULT.cwd();

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Read each process' executable into __meta_process_exe (Alloy discover_config.exe).")
    private boolean discoverConfigExe = DiscoverConfig.DEFAULT.exe();

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Read each process' command line into __meta_process_commandline (Alloy"
                            + " discover_config.commandline).")
    private boolean discoverConfigCommandline = DiscoverConfig.DEFAULT.commandline();

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Look up the name of each process' real uid (in /etc/passwd) into __meta_process_username"
                            + " (Alloy discover_config.username; off by default as in Alloy's source, the docs say on).")
    private boolean discoverConfigUsername = DiscoverConfig.DEFAULT.username();

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Read each process' real uid into __meta_process_uid (Alloy discover_config.uid; off by"
                            + " default as in Alloy's source, the docs say on).")
    private boolean discoverConfigUid = DiscoverConfig.DEFAULT.uid();

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Find each process' container id in its cgroup into __container_id__ (Alloy"
                            + " discover_config.container_id).")
    private boolean discoverConfigContainerId = DiscoverConfig.DEFAULT.containerId();

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Put each process' cgroup lines, joined with |, into __meta_process_cgroup_path (Alloy"
                            + " discover_config.cgroup_path).")
    private boolean discoverConfigCgroupPath = DiscoverConfig.DEFAULT.cgroupPath();

    @UriParam(label = "consumer,advanced", defaultValue = DEFAULT_PROC_PATH,
              description = "Where the proc file system is mounted: the host's /proc mounted elsewhere when this runs"
                            + " in a container (Alloy reads HOST_PROC for this).")
    private String procPath = DEFAULT_PROC_PATH;

    private List<Target> joinTargets = List.of();
    private DiscoverConfig discoverConfig;

    public DiscoveryProcessEndpoint(String uri, DiscoveryProcessComponent component, String name) {
        super(uri, component, name);
    }

    @Override
    public String mechanism() {
        return "process";
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DiscoveryProcessConsumer consumer = new DiscoveryProcessConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String where = displayName() + ": ";
        if (refreshInterval <= 0) {
            throw new IllegalArgumentException(where + "option refreshInterval must be greater than 0, was "
                                               + Duration.ofMillis(refreshInterval));
        }
        if (procPath == null || procPath.isBlank()) {
            throw new IllegalArgumentException(where + "option procPath must not be empty");
        }
        try {
            joinTargets = Targets.parseJson("join", join);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage()); // no cause: the root cause names all
        }
        if (joinTargetSet != null && joinTargetSet.isBlank()) {
            joinTargetSet = null;
        }
        discoverConfig = new DiscoverConfig(discoverConfigCwd, discoverConfigExe, discoverConfigCommandline,
                discoverConfigUsername, discoverConfigUid, discoverConfigContainerId, discoverConfigCgroupPath);
    }

    ProcessScanner newScanner() {
        return new ProcessScanner(Path.of(procPath), Path.of("/etc/passwd"), discoverConfig);
    }

    List<Target> joinTargets() {
        return joinTargets;
    }

    public long getRefreshInterval() {
        return refreshInterval;
    }

    /** The scan interval in milliseconds. */
    public void setRefreshInterval(long refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public String getJoin() {
        return join;
    }

    public void setJoin(String join) {
        this.join = join;
    }

    public String getJoinTargetSet() {
        return joinTargetSet;
    }

    public void setJoinTargetSet(String joinTargetSet) {
        this.joinTargetSet = joinTargetSet;
    }

    public boolean isDiscoverConfigCwd() {
        return discoverConfigCwd;
    }

    public void setDiscoverConfigCwd(boolean discoverConfigCwd) {
        this.discoverConfigCwd = discoverConfigCwd;
    }

    public boolean isDiscoverConfigExe() {
        return discoverConfigExe;
    }

    public void setDiscoverConfigExe(boolean discoverConfigExe) {
        this.discoverConfigExe = discoverConfigExe;
    }

    public boolean isDiscoverConfigCommandline() {
        return discoverConfigCommandline;
    }

    public void setDiscoverConfigCommandline(boolean discoverConfigCommandline) {
        this.discoverConfigCommandline = discoverConfigCommandline;
    }

    public boolean isDiscoverConfigUsername() {
        return discoverConfigUsername;
    }

    public void setDiscoverConfigUsername(boolean discoverConfigUsername) {
        this.discoverConfigUsername = discoverConfigUsername;
    }

    public boolean isDiscoverConfigUid() {
        return discoverConfigUid;
    }

    public void setDiscoverConfigUid(boolean discoverConfigUid) {
        this.discoverConfigUid = discoverConfigUid;
    }

    public boolean isDiscoverConfigContainerId() {
        return discoverConfigContainerId;
    }

    public void setDiscoverConfigContainerId(boolean discoverConfigContainerId) {
        this.discoverConfigContainerId = discoverConfigContainerId;
    }

    public boolean isDiscoverConfigCgroupPath() {
        return discoverConfigCgroupPath;
    }

    public void setDiscoverConfigCgroupPath(boolean discoverConfigCgroupPath) {
        this.discoverConfigCgroupPath = discoverConfigCgroupPath;
    }

    public String getProcPath() {
        return procPath;
    }

    public void setProcPath(String procPath) {
        this.procPath = procPath;
    }
}
