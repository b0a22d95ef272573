package io.pyrocamel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.ValueType;

/**
 * Profile type names ({@code __name__}) as the Pyroscope server derives them (SPEC.md §2.3).
 */
public final class ProfileTypes {

    public static final String PROCESS_CPU = "process_cpu";
    public static final String MEMORY = "memory";
    public static final String MUTEX = "mutex";
    public static final String BLOCK = "block";
    public static final String GOROUTINE = "goroutine";
    public static final String WALL = "wall";
    public static final String UNKNOWN = "unknown";

    private ProfileTypes() {
    }

    /** The sample type names of a pprof profile, in order. */
    public static List<String> sampleTypes(Profile p) {
        List<String> out = new ArrayList<>(p.getSampleTypeCount());
        for (ValueType vt : p.getSampleTypeList()) {
            out.add(Pprof.string(p, vt.getType()));
        }
        return out;
    }

    /**
     * The profile type of a pprof from its sample types: {@code wall}; names containing {@code cpu} or
     * {@code samples} → process_cpu; {@code alloc_}/{@code inuse_}/{@code space}/{@code objects} → memory;
     * {@code mutex_}/{@code contentions} with {@code delay} → mutex/block; {@code goroutine(s)} → goroutine.
     */
    public static String fromSampleTypes(List<String> sampleTypes) {
        for (String raw : sampleTypes) {
            String t = raw.toLowerCase(Locale.ROOT);
            if (t.equals(WALL)) {
                return WALL;
            }
            if (t.contains("cpu")) {
                return PROCESS_CPU;
            }
            if (t.startsWith("alloc_") || t.startsWith("inuse_") || t.equals("space") || t.equals("objects")) {
                return MEMORY;
            }
            if (t.startsWith("mutex_")) {
                return MUTEX;
            }
            if (t.startsWith("block_")) {
                return BLOCK;
            }
            if (t.startsWith("goroutine")) {
                return GOROUTINE;
            }
        }
        // Go's mutex and block profiles both use contentions/delay: tell them apart by nothing here; call them block
        // unless a period type says otherwise (see fromProfile).
        if (sampleTypes.contains("contentions")) {
            return BLOCK;
        }
        if (sampleTypes.contains("samples")) {
            return PROCESS_CPU;
        }
        return UNKNOWN;
    }

    /** Like {@link #fromSampleTypes} but uses the period type to tell Go mutex from block profiles. */
    public static String fromProfile(Profile p) {
        String t = fromSampleTypes(sampleTypes(p));
        if (t.equals(BLOCK) && p.hasPeriodType()) {
            String period = Pprof.string(p, p.getPeriodType().getType());
            if (period.equals("contentions") && Pprof.string(p, p.getPeriodType().getUnit()).equals("count")) {
                // Go: mutex profile has period_type contentions/count, block has contentions/count too; the
                // sample types are equal. The distinction is not recoverable; keep block.
                return BLOCK;
            }
        }
        return t;
    }

    /**
     * The profile type encoded as the suffix of a legacy {@code /ingest} app name ({@code app.cpu}), as the server
     * reads it for folded/lines/trie/tree; no suffix means cpu.
     */
    public static String legacySuffix(String appName) {
        int dot = appName.lastIndexOf('.');
        return dot < 0 ? "cpu" : appName.substring(dot + 1);
    }
}
