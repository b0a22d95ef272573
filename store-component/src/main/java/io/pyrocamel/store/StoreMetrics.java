package io.pyrocamel.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters of one store, tagged {@code store=<name>}. Prometheus names: {@code
 * pyroscope_store_written_profiles_total}, {@code pyroscope_store_written_bytes_total},
 * {@code pyroscope_store_deleted_files_total{reason="retention|size"}}, {@code pyroscope_store_bytes},
 * {@code pyroscope_store_profiles}. Removed from the registry by {@link #close()}.
 */
final class StoreMetrics implements StoreListener, AutoCloseable {

    static final String WRITTEN_PROFILES = "pyroscope.store.written.profiles";
    static final String WRITTEN_BYTES = "pyroscope.store.written.bytes";
    static final String DELETED_FILES = "pyroscope.store.deleted.files";
    static final String BYTES = "pyroscope.store.bytes";
    static final String PROFILES = "pyroscope.store.profiles";
    static final String TAG_STORE = "store";

    private final MeterRegistry registry;
    private final Counter writtenProfiles;
    private final Counter writtenBytes;
    private final Map<Reason, Counter> deleted = new EnumMap<>(Reason.class);
    private final List<Meter> meters = new ArrayList<>();

    StoreMetrics(MeterRegistry registry, String storeName, ProfileStore store) {
        this.registry = registry;
        writtenProfiles = add(Counter.builder(WRITTEN_PROFILES).tag(TAG_STORE, storeName)
                .description("Profiles written to the store").register(registry));
        writtenBytes = add(Counter.builder(WRITTEN_BYTES).tag(TAG_STORE, storeName).baseUnit("bytes")
                .description("Bytes written to the store (profiles and sidecars)").register(registry));
        for (Reason r : Reason.values()) {
            deleted.put(r, add(Counter.builder(DELETED_FILES).tag(TAG_STORE, storeName)
                    .tag("reason", r.name().toLowerCase(Locale.ROOT))
                    .description("Stored profiles deleted (each with its sidecar), by reason").register(registry)));
        }
        add(Gauge.builder(BYTES, store, ProfileStore::totalBytes).tag(TAG_STORE, storeName).baseUnit("bytes")
                .description("Current size of the store (profiles and sidecars)").register(registry));
        add(Gauge.builder(PROFILES, store, ProfileStore::profileCount).tag(TAG_STORE, storeName)
                .description("Profiles currently in the store").register(registry));
    }

    private <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    @Override
    public void written(StoredFormat format, long bytes) {
        writtenProfiles.increment();
        writtenBytes.increment(bytes);
    }

    @Override
    public void deleted(Reason reason, long bytes) {
        deleted.get(reason).increment();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
