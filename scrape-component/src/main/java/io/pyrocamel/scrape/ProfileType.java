package io.pyrocamel.scrape;

import java.util.Objects;

/**
 * One {@code profile.*} block of Alloy's {@code profiling_config}: a profile type with the path it is scraped from.
 *
 * @param name    the type name, also the default {@code __name__} ({@code process_cpu}, or a custom name)
 * @param path    the path on the target, e.g. {@code /debug/pprof/allocs}
 * @param enabled whether this type is scraped
 * @param delta   whether the target computes the profile over a duration: a {@code seconds} parameter is added
 * @since 0.1.0
 */
public record ProfileType(String name, String path, boolean enabled, boolean delta) {

    public static final String PROCESS_CPU = "process_cpu";
    public static final String MEMORY = "memory";
    public static final String GOROUTINE = "goroutine";
    public static final String MUTEX = "mutex";
    public static final String BLOCK = "block";
    public static final String FGPROF = "fgprof";
    public static final String GODELTAPROF_MEMORY = "godeltaprof_memory";
    public static final String GODELTAPROF_MUTEX = "godeltaprof_mutex";
    public static final String GODELTAPROF_BLOCK = "godeltaprof_block";

    public ProfileType {
        Objects.requireNonNull(name, "name");
        path = path == null ? "" : path;
    }

    /** The {@code __name__} a godeltaprof type is sent as ({@code godeltaprof_memory} → {@code memory}), else null. */
    public static String godeltaprofAlias(String name) {
        return switch (name) {
            case GODELTAPROF_MEMORY -> MEMORY;
            case GODELTAPROF_MUTEX -> MUTEX;
            case GODELTAPROF_BLOCK -> BLOCK;
            default -> null;
        };
    }
}
