package io.pyrocamel.scrape;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.pyrocamel.core.Durations;

/**
 * The options of one {@code pyroscope-scrape} endpoint = the arguments and blocks of one Alloy
 * {@code pyroscope.scrape} component, except the HTTP client ones
 * ({@link io.pyrocamel.core.http.HttpClientOptions}).
 * Names are camelCase of Alloy's; {@code profiling_config} is flattened without its own prefix ({@code pathPrefix},
 * {@code profileMemoryPath}); {@code params} uses Camel's multi-value prefix ({@code params.debug=0}). A mutable bean
 * for Camel's binding; {@link PyroscopeScrapeEndpoint} turns it into immutable {@link ScrapeSettings} and validates it
 * once, at start-up.
 *
 * @since 0.1.0
 */
@UriParams
public class PyroscopeScrapeConfiguration {

    public static final String DEFAULT_SCRAPE_INTERVAL = "15s";
    /** The v1.15 source default (SPEC.md §8.3); the v1.15 docs say 18s. */
    public static final String DEFAULT_SCRAPE_TIMEOUT = "10s";
    public static final String DEFAULT_DELTA_PROFILING_DURATION = "14s";
    public static final String DEFAULT_SCHEME = "http";
    public static final String DEFAULT_TARGET_SYNC_INTERVAL = "5s";
    public static final int DEFAULT_MAX_CONCURRENT_SCRAPES = 1000;
    public static final int DEFAULT_WORKER_THREADS = 2;
    public static final int DEFAULT_MAX_PROFILE_SIZE = 256 << 20;

    public static final boolean DEFAULT_PROCESS_CPU_ENABLED = true;
    public static final String DEFAULT_PROCESS_CPU_PATH = "/debug/pprof/profile";
    public static final boolean DEFAULT_PROCESS_CPU_DELTA = true;
    public static final boolean DEFAULT_MEMORY_ENABLED = true;
    public static final String DEFAULT_MEMORY_PATH = "/debug/pprof/allocs";
    public static final boolean DEFAULT_MEMORY_DELTA = false;
    public static final boolean DEFAULT_GOROUTINE_ENABLED = true;
    public static final String DEFAULT_GOROUTINE_PATH = "/debug/pprof/goroutine";
    public static final boolean DEFAULT_GOROUTINE_DELTA = false;
    public static final boolean DEFAULT_MUTEX_ENABLED = true;
    public static final String DEFAULT_MUTEX_PATH = "/debug/pprof/mutex";
    public static final boolean DEFAULT_MUTEX_DELTA = false;
    public static final boolean DEFAULT_BLOCK_ENABLED = true;
    public static final String DEFAULT_BLOCK_PATH = "/debug/pprof/block";
    public static final boolean DEFAULT_BLOCK_DELTA = false;
    public static final boolean DEFAULT_FGPROF_ENABLED = false;
    public static final String DEFAULT_FGPROF_PATH = "/debug/fgprof";
    public static final boolean DEFAULT_FGPROF_DELTA = true;
    public static final boolean DEFAULT_GODELTAPROF_MEMORY_ENABLED = false;
    public static final String DEFAULT_GODELTAPROF_MEMORY_PATH = "/debug/pprof/delta_heap";
    public static final boolean DEFAULT_GODELTAPROF_MUTEX_ENABLED = false;
    public static final String DEFAULT_GODELTAPROF_MUTEX_PATH = "/debug/pprof/delta_mutex";
    public static final boolean DEFAULT_GODELTAPROF_BLOCK_ENABLED = false;
    public static final String DEFAULT_GODELTAPROF_BLOCK_PATH = "/debug/pprof/delta_block";

    @UriParam(label = "consumer", description = "The job label of the scraped profiles (Alloy job_name); a target with its own job label keeps it. Default: the endpoint name (pyroscope-scrape:NAME), as the Alloy docs describe (Alloy v1.15 sets no job unless job_name is given).")
    private String jobName;

    @UriParam(label = "consumer", prefix = "params.", multiValue = true, description = "Query parameters of every scrape request (Alloy params), e.g. params.debug=0; repeat a parameter in a URI (params.x=1&params.x=2) for several values. The first value of each is also the target label __param_NAME, which a target can override.")
    private Map<String, Object> params = new LinkedHashMap<>();

    @UriParam(label = "consumer", defaultValue = DEFAULT_SCRAPE_INTERVAL, javaType = "java.time.Duration", description = "How often each target and profile type is scraped (Alloy scrape_interval).")
    private long scrapeInterval = Durations.parse("scrapeInterval", DEFAULT_SCRAPE_INTERVAL).toMillis();

    @UriParam(label = "consumer", defaultValue = DEFAULT_SCRAPE_TIMEOUT, javaType = "java.time.Duration", description = "Timeout of a scrape request (Alloy scrape_timeout; the Alloy v1.15 source default 10s, the docs say 18s). Requests with a seconds parameter (delta profiles) get scrapeInterval - 1s more, as Alloy computes it.")
    private long scrapeTimeout = Durations.parse("scrapeTimeout", DEFAULT_SCRAPE_TIMEOUT).toMillis();

    @UriParam(label = "consumer", defaultValue = DEFAULT_DELTA_PROFILING_DURATION, javaType = "java.time.Duration", description = "The seconds parameter of delta profiles (Alloy delta_profiling_duration). At its default, seconds is scrapeInterval - 1s (whole seconds); any other value is used as is. Must be more than 1s and at most scrapeInterval - 1s when a delta profile type is enabled.")
    private long deltaProfilingDuration = Durations.parse("deltaProfilingDuration",
            DEFAULT_DELTA_PROFILING_DURATION).toMillis();

    @UriParam(label = "consumer", defaultValue = DEFAULT_SCHEME, enums = "http,https", description = "URL scheme of the targets (Alloy scheme); a target label __scheme__ overrides it.")
    private String scheme = DEFAULT_SCHEME;

    @UriParam(label = "consumer,profiling", description = "Prefix of every profile path, e.g. /mimir-prometheus (Alloy profiling_config.path_prefix); a target label __profile_path_prefix__ overrides it.")
    private String pathPrefix;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_PROCESS_CPU_ENABLED, description = "Scrape CPU profiles (Alloy profiling_config.profile.process_cpu.enabled).")
    private boolean profileProcessCpuEnabled = DEFAULT_PROCESS_CPU_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_PROCESS_CPU_PATH, description = "Path of the CPU profiles on the target (Alloy profiling_config.profile.process_cpu.path).")
    private String profileProcessCpuPath = DEFAULT_PROCESS_CPU_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_PROCESS_CPU_DELTA, description = "Scrape CPU profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.process_cpu.delta).")
    private boolean profileProcessCpuDelta = DEFAULT_PROCESS_CPU_DELTA;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_MEMORY_ENABLED, description = "Scrape memory (allocation) profiles (Alloy profiling_config.profile.memory.enabled).")
    private boolean profileMemoryEnabled = DEFAULT_MEMORY_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_MEMORY_PATH, description = "Path of the memory (allocation) profiles on the target (Alloy profiling_config.profile.memory.path).")
    private String profileMemoryPath = DEFAULT_MEMORY_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_MEMORY_DELTA, description = "Scrape memory (allocation) profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.memory.delta).")
    private boolean profileMemoryDelta = DEFAULT_MEMORY_DELTA;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_GOROUTINE_ENABLED, description = "Scrape goroutine profiles (Alloy profiling_config.profile.goroutine.enabled).")
    private boolean profileGoroutineEnabled = DEFAULT_GOROUTINE_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_GOROUTINE_PATH, description = "Path of the goroutine profiles on the target (Alloy profiling_config.profile.goroutine.path).")
    private String profileGoroutinePath = DEFAULT_GOROUTINE_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_GOROUTINE_DELTA, description = "Scrape goroutine profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.goroutine.delta).")
    private boolean profileGoroutineDelta = DEFAULT_GOROUTINE_DELTA;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_MUTEX_ENABLED, description = "Scrape mutex contention profiles (Alloy profiling_config.profile.mutex.enabled).")
    private boolean profileMutexEnabled = DEFAULT_MUTEX_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_MUTEX_PATH, description = "Path of the mutex contention profiles on the target (Alloy profiling_config.profile.mutex.path).")
    private String profileMutexPath = DEFAULT_MUTEX_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_MUTEX_DELTA, description = "Scrape mutex contention profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.mutex.delta).")
    private boolean profileMutexDelta = DEFAULT_MUTEX_DELTA;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_BLOCK_ENABLED, description = "Scrape blocking profiles (Alloy profiling_config.profile.block.enabled).")
    private boolean profileBlockEnabled = DEFAULT_BLOCK_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_BLOCK_PATH, description = "Path of the blocking profiles on the target (Alloy profiling_config.profile.block.path).")
    private String profileBlockPath = DEFAULT_BLOCK_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_BLOCK_DELTA, description = "Scrape blocking profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.block.delta).")
    private boolean profileBlockDelta = DEFAULT_BLOCK_DELTA;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_FGPROF_ENABLED, description = "Scrape fgprof (wall-clock) profiles (Alloy profiling_config.profile.fgprof.enabled).")
    private boolean profileFgprofEnabled = DEFAULT_FGPROF_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_FGPROF_PATH, description = "Path of the fgprof (wall-clock) profiles on the target (Alloy profiling_config.profile.fgprof.path).")
    private String profileFgprofPath = DEFAULT_FGPROF_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_FGPROF_DELTA, description = "Scrape fgprof (wall-clock) profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.fgprof.delta).")
    private boolean profileFgprofDelta = DEFAULT_FGPROF_DELTA;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_GODELTAPROF_MEMORY_ENABLED, description = "Scrape godeltaprof memory profiles (the delta is computed on the target; sent as memory) (Alloy profiling_config.profile.godeltaprof_memory.enabled).")
    private boolean profileGodeltaprofMemoryEnabled = DEFAULT_GODELTAPROF_MEMORY_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_GODELTAPROF_MEMORY_PATH, description = "Path of the godeltaprof memory profiles (the delta is computed on the target; sent as memory) on the target (Alloy profiling_config.profile.godeltaprof_memory.path).")
    private String profileGodeltaprofMemoryPath = DEFAULT_GODELTAPROF_MEMORY_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_GODELTAPROF_MUTEX_ENABLED, description = "Scrape godeltaprof mutex profiles (the delta is computed on the target; sent as mutex) (Alloy profiling_config.profile.godeltaprof_mutex.enabled).")
    private boolean profileGodeltaprofMutexEnabled = DEFAULT_GODELTAPROF_MUTEX_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_GODELTAPROF_MUTEX_PATH, description = "Path of the godeltaprof mutex profiles (the delta is computed on the target; sent as mutex) on the target (Alloy profiling_config.profile.godeltaprof_mutex.path).")
    private String profileGodeltaprofMutexPath = DEFAULT_GODELTAPROF_MUTEX_PATH;

    @UriParam(label = "consumer,profiling", defaultValue = "" + DEFAULT_GODELTAPROF_BLOCK_ENABLED, description = "Scrape godeltaprof block profiles (the delta is computed on the target; sent as block) (Alloy profiling_config.profile.godeltaprof_block.enabled).")
    private boolean profileGodeltaprofBlockEnabled = DEFAULT_GODELTAPROF_BLOCK_ENABLED;

    @UriParam(label = "consumer,profiling", defaultValue = DEFAULT_GODELTAPROF_BLOCK_PATH, description = "Path of the godeltaprof block profiles (the delta is computed on the target; sent as block) on the target (Alloy profiling_config.profile.godeltaprof_block.path).")
    private String profileGodeltaprofBlockPath = DEFAULT_GODELTAPROF_BLOCK_PATH;

    @UriParam(label = "consumer,profiling", description = "Custom profile types (Alloy profile.custom blocks), inline as a YAML or JSON list (in square brackets) of maps such as {name: heap, path: /debug/pprof/heap, enabled: true, delta: false}; name, path and enabled are required. In a URI or YAML parameters wrap it in RAW(...). Adds to customProfilesFile.")
    private String customProfiles;

    @UriParam(label = "consumer,profiling", description = "A YAML or JSON file with a list of custom profile types (same fields as customProfiles), read at start-up.")
    private String customProfilesFile;

    @UriParam(label = "consumer", description = "Static targets (Alloy targets), inline: a YAML or JSON list (in square brackets) of label maps such as {__address__: localhost:6060, service_name: app}. In a URI or YAML parameters wrap it in RAW(...). Together with targetSet both are scraped (Alloy array.concat).")
    private String targets;

    @UriParam(label = "consumer", description = "The name of a target set to scrape (published by to: targets:NAME, e.g. after a discovery step), followed live: new targets start, gone targets stop, unchanged targets keep their loop and state (Alloy targets = discovery.x.targets).")
    private String targetSet;

    @UriParam(label = "consumer", defaultValue = "false", description = "Share targets with other cluster nodes (Alloy clustering.enabled). pyrocamel has no clustering yet: true fails start-up.")
    private boolean clusteringEnabled;

    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_MAX_CONCURRENT_SCRAPES, description = "Scrape requests in flight at once (delta profiles hold theirs for about scrapeInterval); also the connection pool size. A scrape due while all are busy is skipped and counted.")
    private int maxConcurrentScrapes = DEFAULT_MAX_CONCURRENT_SCRAPES;

    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_WORKER_THREADS, description = "Threads of the endpoint's scheduled pool: they start scrapes, check responses, compute deltas and run the route for each profile. HTTP I/O runs on ioThreads.")
    private int workerThreads = DEFAULT_WORKER_THREADS;

    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_MAX_PROFILE_SIZE, description = "Largest response body accepted, in bytes; a larger profile fails the scrape. Alloy has no limit.")
    private int maxProfileSize = DEFAULT_MAX_PROFILE_SIZE;

    @UriParam(label = "consumer,advanced", defaultValue = DEFAULT_TARGET_SYNC_INTERVAL, javaType = "java.time.Duration", description = "Target set changes are applied at most this often (Alloy applies them every 5s); the first list is applied at once.")
    private long targetSyncInterval = Durations.parse("targetSyncInterval",
            DEFAULT_TARGET_SYNC_INTERVAL).toMillis();

    public String getJobName() {
        return jobName;
    }

    /** The job label of the scraped profiles (Alloy job_name); a target with its own job label keeps it. Default: the endpoint name (pyroscope-scrape:NAME), as the Alloy docs describe (Alloy v1.15 sets no job unless job_name is given). */
    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    public Map<String, Object> getParams() {
        return params;
    }

    /** Query parameters of every scrape request (Alloy params), e.g. params.debug=0; repeat a parameter in a URI (params.x=1&amp;params.x=2) for several values. The first value of each is also the target label __param_&lt;name&gt;, which a target can override. */
    public void setParams(Map<String, Object> params) {
        this.params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
    }

    public long getScrapeInterval() {
        return scrapeInterval;
    }

    /** How often each target and profile type is scraped (Alloy scrape_interval). */
    public void setScrapeInterval(long scrapeInterval) {
        this.scrapeInterval = scrapeInterval;
    }

    public long getScrapeTimeout() {
        return scrapeTimeout;
    }

    /** Timeout of a scrape request (Alloy scrape_timeout; the Alloy v1.15 source default 10s, the docs say 18s). Requests with a seconds parameter (delta profiles) get scrapeInterval - 1s more, as Alloy computes it. */
    public void setScrapeTimeout(long scrapeTimeout) {
        this.scrapeTimeout = scrapeTimeout;
    }

    public long getDeltaProfilingDuration() {
        return deltaProfilingDuration;
    }

    /** The seconds parameter of delta profiles (Alloy delta_profiling_duration). At its default, seconds is scrapeInterval - 1s (whole seconds); any other value is used as is. Must be more than 1s and at most scrapeInterval - 1s when a delta profile type is enabled. */
    public void setDeltaProfilingDuration(long deltaProfilingDuration) {
        this.deltaProfilingDuration = deltaProfilingDuration;
    }

    public String getScheme() {
        return scheme;
    }

    /** URL scheme of the targets (Alloy scheme); a target label __scheme__ overrides it. */
    public void setScheme(String scheme) {
        this.scheme = scheme;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    /** Prefix of every profile path, e.g. /mimir-prometheus (Alloy profiling_config.path_prefix); a target label __profile_path_prefix__ overrides it. */
    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public boolean isProfileProcessCpuEnabled() {
        return profileProcessCpuEnabled;
    }

    /** Scrape CPU profiles (Alloy profiling_config.profile.process_cpu.enabled). */
    public void setProfileProcessCpuEnabled(boolean profileProcessCpuEnabled) {
        this.profileProcessCpuEnabled = profileProcessCpuEnabled;
    }

    public String getProfileProcessCpuPath() {
        return profileProcessCpuPath;
    }

    /** Path of the CPU profiles on the target (Alloy profiling_config.profile.process_cpu.path). */
    public void setProfileProcessCpuPath(String profileProcessCpuPath) {
        this.profileProcessCpuPath = profileProcessCpuPath;
    }

    public boolean isProfileProcessCpuDelta() {
        return profileProcessCpuDelta;
    }

    /** Scrape CPU profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.process_cpu.delta). */
    public void setProfileProcessCpuDelta(boolean profileProcessCpuDelta) {
        this.profileProcessCpuDelta = profileProcessCpuDelta;
    }

    public boolean isProfileMemoryEnabled() {
        return profileMemoryEnabled;
    }

    /** Scrape memory (allocation) profiles (Alloy profiling_config.profile.memory.enabled). */
    public void setProfileMemoryEnabled(boolean profileMemoryEnabled) {
        this.profileMemoryEnabled = profileMemoryEnabled;
    }

    public String getProfileMemoryPath() {
        return profileMemoryPath;
    }

    /** Path of the memory (allocation) profiles on the target (Alloy profiling_config.profile.memory.path). */
    public void setProfileMemoryPath(String profileMemoryPath) {
        this.profileMemoryPath = profileMemoryPath;
    }

    public boolean isProfileMemoryDelta() {
        return profileMemoryDelta;
    }

    /** Scrape memory (allocation) profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.memory.delta). */
    public void setProfileMemoryDelta(boolean profileMemoryDelta) {
        this.profileMemoryDelta = profileMemoryDelta;
    }

    public boolean isProfileGoroutineEnabled() {
        return profileGoroutineEnabled;
    }

    /** Scrape goroutine profiles (Alloy profiling_config.profile.goroutine.enabled). */
    public void setProfileGoroutineEnabled(boolean profileGoroutineEnabled) {
        this.profileGoroutineEnabled = profileGoroutineEnabled;
    }

    public String getProfileGoroutinePath() {
        return profileGoroutinePath;
    }

    /** Path of the goroutine profiles on the target (Alloy profiling_config.profile.goroutine.path). */
    public void setProfileGoroutinePath(String profileGoroutinePath) {
        this.profileGoroutinePath = profileGoroutinePath;
    }

    public boolean isProfileGoroutineDelta() {
        return profileGoroutineDelta;
    }

    /** Scrape goroutine profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.goroutine.delta). */
    public void setProfileGoroutineDelta(boolean profileGoroutineDelta) {
        this.profileGoroutineDelta = profileGoroutineDelta;
    }

    public boolean isProfileMutexEnabled() {
        return profileMutexEnabled;
    }

    /** Scrape mutex contention profiles (Alloy profiling_config.profile.mutex.enabled). */
    public void setProfileMutexEnabled(boolean profileMutexEnabled) {
        this.profileMutexEnabled = profileMutexEnabled;
    }

    public String getProfileMutexPath() {
        return profileMutexPath;
    }

    /** Path of the mutex contention profiles on the target (Alloy profiling_config.profile.mutex.path). */
    public void setProfileMutexPath(String profileMutexPath) {
        this.profileMutexPath = profileMutexPath;
    }

    public boolean isProfileMutexDelta() {
        return profileMutexDelta;
    }

    /** Scrape mutex contention profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.mutex.delta). */
    public void setProfileMutexDelta(boolean profileMutexDelta) {
        this.profileMutexDelta = profileMutexDelta;
    }

    public boolean isProfileBlockEnabled() {
        return profileBlockEnabled;
    }

    /** Scrape blocking profiles (Alloy profiling_config.profile.block.enabled). */
    public void setProfileBlockEnabled(boolean profileBlockEnabled) {
        this.profileBlockEnabled = profileBlockEnabled;
    }

    public String getProfileBlockPath() {
        return profileBlockPath;
    }

    /** Path of the blocking profiles on the target (Alloy profiling_config.profile.block.path). */
    public void setProfileBlockPath(String profileBlockPath) {
        this.profileBlockPath = profileBlockPath;
    }

    public boolean isProfileBlockDelta() {
        return profileBlockDelta;
    }

    /** Scrape blocking profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.block.delta). */
    public void setProfileBlockDelta(boolean profileBlockDelta) {
        this.profileBlockDelta = profileBlockDelta;
    }

    public boolean isProfileFgprofEnabled() {
        return profileFgprofEnabled;
    }

    /** Scrape fgprof (wall-clock) profiles (Alloy profiling_config.profile.fgprof.enabled). */
    public void setProfileFgprofEnabled(boolean profileFgprofEnabled) {
        this.profileFgprofEnabled = profileFgprofEnabled;
    }

    public String getProfileFgprofPath() {
        return profileFgprofPath;
    }

    /** Path of the fgprof (wall-clock) profiles on the target (Alloy profiling_config.profile.fgprof.path). */
    public void setProfileFgprofPath(String profileFgprofPath) {
        this.profileFgprofPath = profileFgprofPath;
    }

    public boolean isProfileFgprofDelta() {
        return profileFgprofDelta;
    }

    /** Scrape fgprof (wall-clock) profiles as a delta: the request gets a seconds parameter (Alloy profiling_config.profile.fgprof.delta). */
    public void setProfileFgprofDelta(boolean profileFgprofDelta) {
        this.profileFgprofDelta = profileFgprofDelta;
    }

    public boolean isProfileGodeltaprofMemoryEnabled() {
        return profileGodeltaprofMemoryEnabled;
    }

    /** Scrape godeltaprof memory profiles (the delta is computed on the target; sent as memory) (Alloy profiling_config.profile.godeltaprof_memory.enabled). */
    public void setProfileGodeltaprofMemoryEnabled(boolean profileGodeltaprofMemoryEnabled) {
        this.profileGodeltaprofMemoryEnabled = profileGodeltaprofMemoryEnabled;
    }

    public String getProfileGodeltaprofMemoryPath() {
        return profileGodeltaprofMemoryPath;
    }

    /** Path of the godeltaprof memory profiles (the delta is computed on the target; sent as memory) on the target (Alloy profiling_config.profile.godeltaprof_memory.path). */
    public void setProfileGodeltaprofMemoryPath(String profileGodeltaprofMemoryPath) {
        this.profileGodeltaprofMemoryPath = profileGodeltaprofMemoryPath;
    }

    public boolean isProfileGodeltaprofMutexEnabled() {
        return profileGodeltaprofMutexEnabled;
    }

    /** Scrape godeltaprof mutex profiles (the delta is computed on the target; sent as mutex) (Alloy profiling_config.profile.godeltaprof_mutex.enabled). */
    public void setProfileGodeltaprofMutexEnabled(boolean profileGodeltaprofMutexEnabled) {
        this.profileGodeltaprofMutexEnabled = profileGodeltaprofMutexEnabled;
    }

    public String getProfileGodeltaprofMutexPath() {
        return profileGodeltaprofMutexPath;
    }

    /** Path of the godeltaprof mutex profiles (the delta is computed on the target; sent as mutex) on the target (Alloy profiling_config.profile.godeltaprof_mutex.path). */
    public void setProfileGodeltaprofMutexPath(String profileGodeltaprofMutexPath) {
        this.profileGodeltaprofMutexPath = profileGodeltaprofMutexPath;
    }

    public boolean isProfileGodeltaprofBlockEnabled() {
        return profileGodeltaprofBlockEnabled;
    }

    /** Scrape godeltaprof block profiles (the delta is computed on the target; sent as block) (Alloy profiling_config.profile.godeltaprof_block.enabled). */
    public void setProfileGodeltaprofBlockEnabled(boolean profileGodeltaprofBlockEnabled) {
        this.profileGodeltaprofBlockEnabled = profileGodeltaprofBlockEnabled;
    }

    public String getProfileGodeltaprofBlockPath() {
        return profileGodeltaprofBlockPath;
    }

    /** Path of the godeltaprof block profiles (the delta is computed on the target; sent as block) on the target (Alloy profiling_config.profile.godeltaprof_block.path). */
    public void setProfileGodeltaprofBlockPath(String profileGodeltaprofBlockPath) {
        this.profileGodeltaprofBlockPath = profileGodeltaprofBlockPath;
    }

    public String getCustomProfiles() {
        return customProfiles;
    }

    /** Custom profile types (Alloy profile.custom blocks), inline as a YAML or JSON list (in square brackets) of maps such as {name: heap, path: /debug/pprof/heap, enabled: true, delta: false}; name, path and enabled are required. In a URI or YAML parameters wrap it in RAW(...). Adds to customProfilesFile. */
    public void setCustomProfiles(String customProfiles) {
        this.customProfiles = customProfiles;
    }

    public String getCustomProfilesFile() {
        return customProfilesFile;
    }

    /** A YAML or JSON file with a list of custom profile types (same fields as customProfiles), read at start-up. */
    public void setCustomProfilesFile(String customProfilesFile) {
        this.customProfilesFile = customProfilesFile;
    }

    public String getTargets() {
        return targets;
    }

    /** Static targets (Alloy targets), inline: a YAML or JSON list (in square brackets) of label maps such as {__address__: localhost:6060, service_name: app}. In a URI or YAML parameters wrap it in RAW(...). Together with targetSet both are scraped (Alloy array.concat). */
    public void setTargets(String targets) {
        this.targets = targets;
    }

    public String getTargetSet() {
        return targetSet;
    }

    /** The name of a target set to scrape (published by to: targets:NAME, e.g. after a discovery step), followed live: new targets start, gone targets stop, unchanged targets keep their loop and state (Alloy targets = discovery.x.targets). */
    public void setTargetSet(String targetSet) {
        this.targetSet = targetSet;
    }

    public boolean isClusteringEnabled() {
        return clusteringEnabled;
    }

    /** Share targets with other cluster nodes (Alloy clustering.enabled). pyrocamel has no clustering yet: true fails start-up. */
    public void setClusteringEnabled(boolean clusteringEnabled) {
        this.clusteringEnabled = clusteringEnabled;
    }

    public int getMaxConcurrentScrapes() {
        return maxConcurrentScrapes;
    }

    /** Scrape requests in flight at once (delta profiles hold theirs for about scrapeInterval); also the connection pool size. A scrape due while all are busy is skipped and counted. */
    public void setMaxConcurrentScrapes(int maxConcurrentScrapes) {
        this.maxConcurrentScrapes = maxConcurrentScrapes;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    /** Threads of the endpoint's scheduled pool: they start scrapes, check responses, compute deltas and run the route for each profile. HTTP I/O runs on ioThreads. */
    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    public int getMaxProfileSize() {
        return maxProfileSize;
    }

    /** Largest response body accepted, in bytes; a larger profile fails the scrape. Alloy has no limit. */
    public void setMaxProfileSize(int maxProfileSize) {
        this.maxProfileSize = maxProfileSize;
    }

    public long getTargetSyncInterval() {
        return targetSyncInterval;
    }

    /** Target set changes are applied at most this often (Alloy applies them every 5s); the first list is applied at once. */
    public void setTargetSyncInterval(long targetSyncInterval) {
        this.targetSyncInterval = targetSyncInterval;
    }

}
