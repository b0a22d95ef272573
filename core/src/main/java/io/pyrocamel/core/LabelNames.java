package io.pyrocamel.core;

/**
 * Well-known label names and the label name/value rules (SPEC.md §4.2, §11).
 */
public final class LabelNames {

    /** Profile type (scrape, ebpf, java) or application name (/ingest). */
    public static final String NAME = "__name__";
    public static final String SERVICE_NAME = "service_name";
    public static final String APP_NAME = "app_name";
    /** {@code "false"} marks a profile that already is a delta. */
    public static final String DELTA = "__delta__";
    public static final String SESSION_ID = "__session_id__";
    public static final String PROCESS_PID = "__process_pid__";
    public static final String CONTAINER_ID = "__container_id__";
    public static final String ADDRESS = "__address__";
    public static final String SCHEME = "__scheme__";
    public static final String PROFILE_PATH = "__profile_path__";
    public static final String PROFILE_PATH_PREFIX = "__profile_path_prefix__";
    public static final String PARAM_PREFIX = "__param_";
    public static final String META_PREFIX = "__meta_";
    public static final String INSTANCE = "instance";
    public static final String JOB = "job";
    public static final String PYROSCOPE_SPY = "pyroscope_spy";
    public static final String JFR_EVENT = "jfr_event";
    /** Names with this prefix are internal: they steer components and are stripped before a push. */
    public static final String RESERVED_PREFIX = "__";
    /** Service name the Pyroscope server uses when none is given. */
    public static final String UNKNOWN_SERVICE = "unknown_service";

    private LabelNames() {
    }

    /** True for {@code __}-prefixed internal names. */
    public static boolean isReserved(String name) {
        return name.startsWith(RESERVED_PREFIX);
    }

    /**
     * True when {@code name} is a valid Pyroscope label name: non-empty, {@code [A-Za-z0-9_.]+}.
     */
    public static boolean isValidName(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code name} is a legal Prometheus label name {@code [a-zA-Z_][a-zA-Z0-9_]*} (relabel target rule,
     * SPEC.md §6.1).
     */
    public static boolean isPrometheusName(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True when the value is well-formed UTF-16 (no unpaired surrogate), so it encodes to valid UTF-8. */
    public static boolean isValidValue(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Throws {@link InvalidLabelException} naming the label when name or value break the rules. */
    public static void validate(String name, String value) {
        if (name == null || !isValidName(name)) {
            throw new InvalidLabelException(String.valueOf(name),
                    "invalid label name \"" + name + "\": a label name must match [A-Za-z0-9_.]+");
        }
        if (value == null) {
            throw new InvalidLabelException(name, "label \"" + name + "\" has no value");
        }
        if (!isValidValue(value)) {
            throw new InvalidLabelException(name, "label \"" + name + "\" has a value that is not valid UTF-8");
        }
    }
}
