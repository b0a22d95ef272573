package io.pyrocamel.scrape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.http.HttpClientSettings;
import io.pyrocamel.core.http.HttpClientOptions;
import io.pyrocamel.scrape.support.YamlValues;

/**
 * The validated, immutable settings of one {@code pyroscope-scrape} endpoint (Alloy's {@code Arguments} after
 * {@code Validate}).
 *
 * @param endpointName           NAME of {@code pyroscope-scrape:NAME}
 * @param jobName                the {@code job} label injected into targets without one
 * @param params                 query parameters, each with one or more values
 * @param scrapeInterval         interval of every loop
 * @param scrapeTimeout          base request timeout
 * @param deltaProfilingDuration Alloy's {@code delta_profiling_duration}
 * @param scheme                 default {@code __scheme__}
 * @param pathPrefix             default {@code __profile_path_prefix__}, may be empty
 * @param profileTypes           every profile type (built-in and custom, enabled or not), by name
 * @param staticTargets          the inline targets
 * @param targetSet              name of the followed target set, or {@code null}
 * @param http                   HTTP client settings
 * @param maxConcurrentScrapes   requests in flight at once
 * @param workerThreads          threads of the scheduled pool
 * @param maxProfileSize         largest accepted body
 * @param targetSyncInterval     minimum time between two reconciliations
 * @since 0.1.0
 */
public record ScrapeSettings(String endpointName, String jobName, Map<String, List<String>> params,
                             Duration scrapeInterval, Duration scrapeTimeout, Duration deltaProfilingDuration,
                             String scheme, String pathPrefix, Map<String, ProfileType> profileTypes,
                             List<Target> staticTargets, String targetSet, HttpClientSettings http,
                             int maxConcurrentScrapes, int workerThreads, int maxProfileSize,
                             Duration targetSyncInterval) {

    static final Duration ONE_SECOND = Duration.ofSeconds(1);
    static final Duration DEFAULT_DELTA = Duration.ofSeconds(14);

    public ScrapeSettings {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        profileTypes = Collections.unmodifiableMap(new LinkedHashMap<>(profileTypes));
        staticTargets = List.copyOf(staticTargets);
        pathPrefix = pathPrefix == null ? "" : pathPrefix;
    }

    /** The enabled profile types, in declaration order. */
    public List<ProfileType> enabledTypes() {
        return profileTypes.values().stream().filter(ProfileType::enabled).toList();
    }

    /**
     * The {@code seconds} of delta profiles (SPEC.md §8.3): whole seconds of {@code scrapeInterval - 1s}, unless
     * {@code deltaProfilingDuration} differs from 14s, then its whole seconds (an explicit 14s counts as default).
     */
    public long deltaSeconds() {
        if (!deltaProfilingDuration.equals(DEFAULT_DELTA)) {
            return deltaProfilingDuration.toSeconds();
        }
        return scrapeInterval.toSeconds() - 1;
    }

    /**
     * Turns the options into settings, checking every rule of Alloy's {@code Validate} plus this component's; one
     * exception lists all problems, each naming the options.
     */
    static ScrapeSettings of(String endpointName, PyroscopeScrapeConfiguration c, HttpClientOptions h) {
        List<String> errors = new ArrayList<>();
        String jobName = c.getJobName() == null || c.getJobName().isBlank() ? endpointName : c.getJobName().strip();
        Duration interval = Duration.ofMillis(c.getScrapeInterval());
        Duration timeout = Duration.ofMillis(c.getScrapeTimeout());
        Duration delta = Duration.ofMillis(c.getDeltaProfilingDuration());
        if (timeout.isZero() || timeout.isNegative()) {
            errors.add("scrapeTimeout must be greater than 0");
        }
        if (interval.isZero() || interval.isNegative()) {
            errors.add("scrapeInterval must be greater than 0");
        }
        String scheme = c.getScheme() == null ? "" : c.getScheme().strip().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add("scheme must be http or https, was \"" + c.getScheme() + "\"");
        }

        Map<String, ProfileType> types = new LinkedHashMap<>();
        put(types, ProfileType.PROCESS_CPU, c.getProfileProcessCpuPath(), c.isProfileProcessCpuEnabled(),
                c.isProfileProcessCpuDelta());
        put(types, ProfileType.MEMORY, c.getProfileMemoryPath(), c.isProfileMemoryEnabled(),
                c.isProfileMemoryDelta());
        put(types, ProfileType.GOROUTINE, c.getProfileGoroutinePath(), c.isProfileGoroutineEnabled(),
                c.isProfileGoroutineDelta());
        put(types, ProfileType.MUTEX, c.getProfileMutexPath(), c.isProfileMutexEnabled(), c.isProfileMutexDelta());
        put(types, ProfileType.BLOCK, c.getProfileBlockPath(), c.isProfileBlockEnabled(), c.isProfileBlockDelta());
        put(types, ProfileType.FGPROF, c.getProfileFgprofPath(), c.isProfileFgprofEnabled(),
                c.isProfileFgprofDelta());
        put(types, ProfileType.GODELTAPROF_MEMORY, c.getProfileGodeltaprofMemoryPath(),
                c.isProfileGodeltaprofMemoryEnabled(), false);
        put(types, ProfileType.GODELTAPROF_MUTEX, c.getProfileGodeltaprofMutexPath(),
                c.isProfileGodeltaprofMutexEnabled(), false);
        put(types, ProfileType.GODELTAPROF_BLOCK, c.getProfileGodeltaprofBlockPath(),
                c.isProfileGodeltaprofBlockEnabled(), false);
        List<ProfileType> custom = new ArrayList<>();
        try {
            if (c.getCustomProfilesFile() != null && !c.getCustomProfilesFile().isBlank()) {
                custom.addAll(CustomProfiles.readFile(c.getCustomProfilesFile().strip()));
            }
            custom.addAll(CustomProfiles.parse(c.getCustomProfiles(), "customProfiles"));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        java.util.Set<String> customNames = new java.util.HashSet<>();
        for (ProfileType t : custom) {
            if (!customNames.add(t.name())) {
                errors.add("custom profile name " + t.name() + " is given twice (customProfiles and"
                           + " customProfilesFile); names must be unique");
            }
            // Alloy: a custom type with a built-in name replaces the built-in type
            types.put(t.name(), t);
        }
        for (ProfileType t : types.values()) {
            if (t.enabled() && t.path().isEmpty()) {
                errors.add("the path of profile type " + t.name() + " must not be empty");
            }
        }

        List<String> deltaTypes = types.values().stream().filter(t -> t.enabled() && t.delta())
                .map(ProfileType::name).toList();
        if (!deltaTypes.isEmpty() && !interval.isNegative()) {
            String which = " (delta profile types enabled: " + String.join(", ", deltaTypes) + ")";
            if (interval.compareTo(Duration.ofSeconds(2)) < 0) {
                errors.add("scrapeInterval must be at least 2s when a delta profile type is enabled, was "
                           + format(interval) + which);
            }
            if (delta.compareTo(ONE_SECOND) <= 0) {
                errors.add("deltaProfilingDuration must be more than 1s when a delta profile type is enabled, was "
                           + format(delta) + which);
            } else if (delta.compareTo(interval.minus(ONE_SECOND)) > 0) {
                errors.add("deltaProfilingDuration (" + format(delta) + ") must be at least 1s shorter than"
                           + " scrapeInterval (" + format(interval) + ") when a delta profile type is enabled" + which
                           + (c.getDeltaProfilingDuration() == DEFAULT_DELTA.toMillis()
                                   ? "; with a scrapeInterval under 15s set deltaProfilingDuration too" : ""));
            }
        }

        Map<String, List<String>> params = new LinkedHashMap<>();
        c.getParams().forEach((k, v) -> {
            List<String> values = new ArrayList<>();
            if (v instanceof Iterable<?> it) {
                it.forEach(x -> values.add(x == null ? "" : x.toString()));
            } else {
                values.add(v == null ? "" : v.toString());
            }
            params.put(k, List.copyOf(values));
        });

        List<Target> staticTargets = List.of();
        try {
            staticTargets = YamlValues.targets(c.getTargets(), "targets");
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        String targetSet = c.getTargetSet() == null || c.getTargetSet().isBlank() ? null : c.getTargetSet().strip();
        if (targetSet == null && (c.getTargets() == null || c.getTargets().isBlank())) {
            errors.add("targets or targetSet must be configured (Alloy: targets is required)");
        }
        if (c.isClusteringEnabled()) {
            errors.add("clusteringEnabled=true is not supported: pyrocamel has no clustering yet, so every instance"
                       + " would scrape every target; remove the option or set it to false");
        }
        if (c.getMaxConcurrentScrapes() < 1) {
            errors.add("maxConcurrentScrapes must be at least 1");
        }
        if (c.getWorkerThreads() < 1) {
            errors.add("workerThreads must be at least 1");
        }
        if (c.getMaxProfileSize() < 1) {
            errors.add("maxProfileSize must be at least 1 byte");
        }
        HttpClientSettings http = h.toSettings(errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("pyroscope-scrape:" + endpointName + ": invalid configuration: "
                                               + String.join("; ", errors));
        }
        return new ScrapeSettings(endpointName, jobName, params, interval, timeout, delta, scheme,
                c.getPathPrefix(), types, staticTargets, targetSet, http, c.getMaxConcurrentScrapes(),
                c.getWorkerThreads(), c.getMaxProfileSize(), Duration.ofMillis(c.getTargetSyncInterval()));
    }

    private static void put(Map<String, ProfileType> types, String name, String path, boolean enabled,
                            boolean delta) {
        types.put(name, new ProfileType(name, path == null ? "" : path.strip(), enabled, delta));
    }

    /** A duration as Go prints simple ones: 15s, 1.5s, 250ms, 2m0s. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            long s = ms / 1000;
            return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        return (ms / 1000.0) + "s";
    }
}
