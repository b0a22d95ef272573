package io.pyrocamel.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable label set with Prometheus semantics: sorted by name, one value per name, and an empty value is the same
 * as an absent label (setting {@code ""} deletes). Names are validated ({@link LabelNames#validate}); values must be
 * well-formed UTF-8.
 *
 * <p>Hash and equality are value based and cheap (the hash is computed once), so a {@code Labels} is a good cache key.
 * {@link #fingerprint()} gives a stable 64-bit hash (FNV-1a over names and values) for sharding and caches that must
 * agree across processes.
 */
public final class Labels implements Iterable<Labels.Label> {

    private static final String[] NONE = new String[0];
    private static final Labels EMPTY = new Labels(NONE);

    /** One name/value pair. */
    public record Label(String name, String value) {
    }

    /** name0, value0, name1, value1, ... sorted by name, no duplicates, no empty values. */
    private final String[] nv;
    private final int hash;

    private Labels(String[] nv) {
        this.nv = nv;
        this.hash = Arrays.hashCode(nv);
    }

    public static Labels empty() {
        return EMPTY;
    }

    /**
     * Labels from alternating names and values: {@code of("service_name", "cart", "env", "prod")}. A repeated name:
     * the last value wins. Empty values are dropped.
     */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got an odd number of strings");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Labels from a map; empty values are dropped. */
    public static Labels of(Map<String, String> map) {
        Builder b = builder();
        map.forEach(b::set);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < nv.length; i += 2) {
            b.map.put(nv[i], nv[i + 1]);
        }
        return b;
    }

    public int size() {
        return nv.length / 2;
    }

    public boolean isEmpty() {
        return nv.length == 0;
    }

    /** The name at position {@code i} in sorted order. */
    public String name(int i) {
        return nv[2 * i];
    }

    /** The value at position {@code i} in sorted order. */
    public String value(int i) {
        return nv[2 * i + 1];
    }

    /** The value of {@code name}, or {@code null} when absent. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : nv[2 * i + 1];
    }

    /** The value of {@code name}, or {@code ""} when absent (Prometheus semantics). */
    public String getOrEmpty(String name) {
        String v = get(name);
        return v == null ? "" : v;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(String name) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = nv[2 * mid].compareTo(name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** A copy with {@code name} set to {@code value}; an empty value removes the label. */
    public Labels with(String name, String value) {
        if (value == null || value.isEmpty()) {
            return without(name);
        }
        LabelNames.validate(name, value);
        int i = indexOf(name);
        if (i >= 0) {
            if (nv[2 * i + 1].equals(value)) {
                return this;
            }
            String[] copy = nv.clone();
            copy[2 * i + 1] = value;
            return new Labels(copy);
        }
        int insert = 0;
        while (insert < size() && nv[2 * insert].compareTo(name) < 0) {
            insert++;
        }
        String[] copy = new String[nv.length + 2];
        System.arraycopy(nv, 0, copy, 0, 2 * insert);
        copy[2 * insert] = name;
        copy[2 * insert + 1] = value;
        System.arraycopy(nv, 2 * insert, copy, 2 * insert + 2, nv.length - 2 * insert);
        return new Labels(copy);
    }

    /** A copy without {@code name}. */
    public Labels without(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return this;
        }
        String[] copy = new String[nv.length - 2];
        System.arraycopy(nv, 0, copy, 0, 2 * i);
        System.arraycopy(nv, 2 * i + 2, copy, 2 * i, nv.length - 2 * i - 2);
        return copy.length == 0 ? EMPTY : new Labels(copy);
    }

    /** A copy without the labels whose name starts with {@code __}, except those in {@code keep}. */
    public Labels withoutReserved(String... keep) {
        Builder b = null;
        for (int i = 0; i < size(); i++) {
            String n = name(i);
            if (LabelNames.isReserved(n) && !contains(keep, n)) {
                if (b == null) {
                    b = toBuilder();
                }
                b.remove(n);
            }
        }
        return b == null ? this : b.build();
    }

    private static boolean contains(String[] names, String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < nv.length; i += 2) {
            action.accept(nv[i], nv[i + 1]);
        }
    }

    /** The labels as an unmodifiable, sorted map. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        forEach(m::put);
        return Collections.unmodifiableMap(m);
    }

    public List<Label> asList() {
        List<Label> l = new ArrayList<>(size());
        forEach((n, v) -> l.add(new Label(n, v)));
        return Collections.unmodifiableList(l);
    }

    @Override
    public Iterator<Label> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < nv.length;
            }

            @Override
            public Label next() {
                if (i >= nv.length) {
                    throw new NoSuchElementException();
                }
                Label l = new Label(nv[i], nv[i + 1]);
                i += 2;
                return l;
            }
        };
    }

    /** Stable 64-bit FNV-1a hash over names and values (separated by 0xff, which UTF-8 never contains). */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        for (String s : nv) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                h ^= c & 0xff;
                h *= 0x100000001b3L;
                h ^= c >>> 8;
                h *= 0x100000001b3L;
            }
            h ^= 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Labels other && hash == other.hash && Arrays.equals(nv, other.nv));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Prometheus notation: {@code {env="prod", service_name="cart"}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < nv.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(nv[i]).append("=\"");
            String v = nv[i + 1];
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    /**
     * Mutable builder for relabeling. Not thread-safe. {@link #set} with an empty value deletes; names are validated
     * when set.
     */
    public static final class Builder {
        private final TreeMap<String, String> map = new TreeMap<>();

        private Builder() {
        }

        public Builder set(String name, String value) {
            if (value == null || value.isEmpty()) {
                map.remove(name);
                return this;
            }
            LabelNames.validate(name, value);
            map.put(name, value);
            return this;
        }

        public Builder setAll(Labels labels) {
            labels.forEach(map::put);
            return this;
        }

        public Builder remove(String name) {
            map.remove(name);
            return this;
        }

        public String get(String name) {
            return map.get(name);
        }

        public boolean has(String name) {
            return map.containsKey(name);
        }

        public int size() {
            return map.size();
        }

        /** Removes every label for which {@code drop} is true. */
        public Builder removeIf(java.util.function.BiPredicate<String, String> drop) {
            map.entrySet().removeIf(e -> drop.test(e.getKey(), e.getValue()));
            return this;
        }

        /** A snapshot of the names currently set, in order. */
        public List<String> names() {
            return new ArrayList<>(map.keySet());
        }

        public Labels build() {
            if (map.isEmpty()) {
                return EMPTY;
            }
            String[] nv = new String[map.size() * 2];
            int i = 0;
            for (Map.Entry<String, String> e : map.entrySet()) {
                nv[i++] = e.getKey();
                nv[i++] = e.getValue();
            }
            return new Labels(nv);
        }
    }
}
