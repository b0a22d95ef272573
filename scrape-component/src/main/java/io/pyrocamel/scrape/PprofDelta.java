package io.pyrocamel.scrape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.ByteString;

import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Function;
import io.pyrocamel.core.proto.pprof.Label;
import io.pyrocamel.core.proto.pprof.Line;
import io.pyrocamel.core.proto.pprof.Location;
import io.pyrocamel.core.proto.pprof.Mapping;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;

/**
 * The client-side delta of cumulative Go profiles (SPEC.md §8.5), one instance per scrape loop. Each call takes the
 * newest scrape of a memory, mutex or block profile and returns what happened since the previous one:
 *
 * <ul>
 *   <li>a sample is identified by its stack of location <em>addresses</em> plus its labels (key, string value,
 *       number, unit; order-free); duplicate samples of one profile are merged (values added) first;</li>
 *   <li>of the cumulative sample types ({@code alloc_objects/count}, {@code alloc_space/bytes} for memory;
 *       {@code contentions/count}, {@code delay/nanoseconds} for mutex and block) the previous value is subtracted;
 *       other types (in-use memory) are passed as they are;</li>
 *   <li>samples whose values are all zero afterwards are left out, and so are the locations, functions and strings
 *       only they used (strings are emptied, not removed, so indices stay valid);</li>
 *   <li>{@code duration_nanos} becomes the time since the previous profile's {@code time_nanos};</li>
 *   <li>the result is gzipped. The first profile is a baseline: remembered, not returned.</li>
 * </ul>
 *
 * <p>Values of samples that disappear are remembered (a reappearing sample is subtracted from its last value), as in
 * Alloy. Not thread-safe: a loop never runs two scrapes at once.
 *
 * @since 0.1.0
 */
final class PprofDelta {

    /** A sample type by name and unit. */
    record Field(String type, String unit) {
    }

    static final List<Field> MEMORY = List.of(new Field("alloc_objects", "count"), new Field("alloc_space", "bytes"));
    static final List<Field> CONTENTION = List.of(new Field("contentions", "count"),
            new Field("delay", "nanoseconds"));

    private final List<Field> fields;
    private final Map<SampleKey, long[]> previous = new HashMap<>();
    private long previousTimeNanos = -1;
    private boolean baselineTaken;

    PprofDelta(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The delta computer for a profile type ({@code memory}, {@code mutex}, {@code block}), else {@code null}. */
    static PprofDelta forType(String profileType) {
        return switch (profileType) {
            case ProfileType.MEMORY -> new PprofDelta(MEMORY);
            case ProfileType.MUTEX, ProfileType.BLOCK -> new PprofDelta(CONTENTION);
            default -> null;
        };
    }

    /** True once a baseline is held (the next profile gives a delta). */
    boolean hasBaseline() {
        return baselineTaken;
    }

    /**
     * The gzipped delta of {@code raw} (gzipped or plain pprof) against the previous call, or {@code null} for the
     * first profile (the baseline). On a malformed profile the state is dropped (the next profile is a new baseline)
     * and an {@link InvalidProfileException} is thrown.
     */
    byte[] next(ByteString raw) {
        try {
            byte[] out = compute(Pprof.decode(raw));
            if (!baselineTaken) {
                baselineTaken = true;
                return null;
            }
            return out;
        } catch (RuntimeException e) {
            previous.clear();
            previousTimeNanos = -1;
            baselineTaken = false;
            if (e instanceof InvalidProfileException ipe) {
                throw ipe;
            }
            throw new InvalidProfileException("computing delta: " + e, e);
        }
    }

    private byte[] compute(Profile p) {
        int strings = p.getStringTableCount();
        // pass 1: which value positions are cumulative, location id -> address
        boolean[] isDelta = new boolean[p.getSampleTypeCount()];
        for (Field f : fields) {
            for (int i = 0; i < p.getSampleTypeCount(); i++) {
                ValueType vt = p.getSampleType(i);
                if (str(p, vt.getType()).equals(f.type()) && str(p, vt.getUnit()).equals(f.unit())) {
                    isDelta[i] = true;
                    break;
                }
            }
        }
        Map<Long, Long> addresses = new HashMap<>(p.getLocationCount() * 2);
        for (Location l : p.getLocationList()) {
            addresses.put(l.getId(), l.getAddress());
        }

        // pass 2: merge duplicate samples
        Map<SampleKey, long[]> merged = new LinkedHashMap<>();
        List<SampleKey> keys = new ArrayList<>(p.getSampleCount());
        for (Sample s : p.getSampleList()) {
            SampleKey key = SampleKey.of(s, p, addresses, strings);
            keys.add(key);
            long[] sum = merged.get(key);
            if (sum == null) {
                merged.put(key, s.getValueList().stream().mapToLong(Long::longValue).toArray());
            } else {
                if (sum.length < s.getValueCount()) {
                    sum = Arrays.copyOf(sum, s.getValueCount());
                    merged.put(key, sum);
                }
                for (int i = 0; i < s.getValueCount(); i++) {
                    sum[i] += s.getValue(i);
                }
            }
        }

        // pass 3: subtract, keep non-zero samples (at their first occurrence)
        Profile.Builder out = p.toBuilder().clearSample().clearLocation().clearFunction();
        Set<SampleKey> written = new HashSet<>();
        Set<Long> keptLocations = new HashSet<>();
        BitSet keptStrings = new BitSet(strings);
        keptStrings.set(0);
        for (int si = 0; si < p.getSampleCount(); si++) {
            SampleKey key = keys.get(si);
            if (!written.add(key)) {
                continue;
            }
            Sample s = p.getSample(si);
            long[] now = merged.get(key);
            long[] old = previous.get(key);
            long[] remembered = old == null ? new long[now.length] : old.length >= now.length ? old
                    : Arrays.copyOf(old, now.length);
            boolean allZero = true;
            Sample.Builder sb = s.toBuilder().clearValue();
            for (int i = 0; i < now.length; i++) {
                long v = now[i];
                if (i < isDelta.length && isDelta[i]) {
                    v = now[i] - remembered[i];
                    remembered[i] = now[i];
                }
                sb.addValue(v);
                if (v != 0) {
                    allZero = false;
                }
            }
            previous.put(key, remembered);
            if (allZero) {
                continue;
            }
            keptLocations.addAll(s.getLocationIdList());
            for (Label l : s.getLabelList()) {
                mark(keptStrings, l.getKey(), strings);
                mark(keptStrings, l.getStr(), strings);
                mark(keptStrings, l.getNumUnit(), strings);
            }
            out.addSample(sb);
        }

        // pass 4: locations and functions used by the kept samples, strings of everything kept
        Set<Long> keptFunctions = new HashSet<>();
        for (Location l : p.getLocationList()) {
            if (keptLocations.contains(l.getId())) {
                out.addLocation(l);
                for (Line line : l.getLineList()) {
                    keptFunctions.add(line.getFunctionId());
                }
            }
        }
        for (Function f : p.getFunctionList()) {
            if (keptFunctions.contains(f.getId())) {
                out.addFunction(f);
                mark(keptStrings, f.getName(), strings);
                mark(keptStrings, f.getSystemName(), strings);
                mark(keptStrings, f.getFilename(), strings);
            }
        }
        for (ValueType vt : p.getSampleTypeList()) {
            mark(keptStrings, vt.getType(), strings);
            mark(keptStrings, vt.getUnit(), strings);
        }
        for (Mapping m : p.getMappingList()) {
            mark(keptStrings, m.getFilename(), strings);
            mark(keptStrings, m.getBuildId(), strings);
        }
        mark(keptStrings, p.getDropFrames(), strings);
        mark(keptStrings, p.getKeepFrames(), strings);
        if (p.hasPeriodType()) {
            mark(keptStrings, p.getPeriodType().getType(), strings);
            mark(keptStrings, p.getPeriodType().getUnit(), strings);
        }
        for (long c : p.getCommentList()) {
            mark(keptStrings, c, strings);
        }
        mark(keptStrings, p.getDefaultSampleType(), strings);
        mark(keptStrings, p.getDocUrl(), strings);
        for (int i = 0; i < strings; i++) {
            if (!keptStrings.get(i) && !p.getStringTable(i).isEmpty()) {
                out.setStringTable(i, "");
            }
        }

        // time: duration since the previous profile
        long time = p.getTimeNanos();
        boolean first = previousTimeNanos < 0;
        if (!first) {
            out.clearDurationNanos();
            if (time != 0) {
                out.setDurationNanos(time - previousTimeNanos);
            }
        }
        if (time != 0) {
            previousTimeNanos = time;
        }
        return Pprof.gzip(out.build().toByteArray());
    }

    private static void mark(BitSet set, long index, int size) {
        if (index > 0 && index < size) {
            set.set((int) index);
        }
    }

    private static String str(Profile p, long index) {
        return Pprof.string(p, index);
    }

    /** A label of a sample, by content. */
    private record LabelKey(String key, String str, long num, String numUnit) {
        static final Comparator<LabelKey> ORDER = Comparator.comparing(LabelKey::key).thenComparing(LabelKey::str)
                .thenComparingLong(LabelKey::num).thenComparing(LabelKey::numUnit);
    }

    /** Sample identity: location addresses in stack order plus the labels in a canonical order. */
    private static final class SampleKey {
        private final long[] stack;
        private final LabelKey[] labels;
        private final int hash;

        private SampleKey(long[] stack, LabelKey[] labels) {
            this.stack = stack;
            this.labels = labels;
            this.hash = 31 * Arrays.hashCode(stack) + Arrays.hashCode(labels);
        }

        static SampleKey of(Sample s, Profile p, Map<Long, Long> addresses, int strings) {
            long[] stack = new long[s.getLocationIdCount()];
            for (int i = 0; i < stack.length; i++) {
                Long a = addresses.get(s.getLocationId(i));
                if (a == null) {
                    throw new InvalidProfileException("invalid location index " + s.getLocationId(i));
                }
                stack[i] = a;
            }
            LabelKey[] labels = new LabelKey[s.getLabelCount()];
            for (int i = 0; i < labels.length; i++) {
                Label l = s.getLabel(i);
                for (long idx : new long[] {l.getKey(), l.getStr(), l.getNumUnit()}) {
                    if (idx < 0 || idx >= strings) {
                        throw new InvalidProfileException("invalid string index " + idx);
                    }
                }
                labels[i] = new LabelKey(p.getStringTable((int) l.getKey()), p.getStringTable((int) l.getStr()),
                        l.getNum(), p.getStringTable((int) l.getNumUnit()));
            }
            if (labels.length > 1) {
                Arrays.sort(labels, LabelKey.ORDER);
            }
            return new SampleKey(stack, labels);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SampleKey k && hash == k.hash && Arrays.equals(stack, k.stack)
                   && Arrays.equals(labels, k.labels);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
