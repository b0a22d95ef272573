package io.pyrocamel.store;

import io.pyrocamel.core.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pyroscope-store} component: the local profile store, pyrocamel's embedded default sink.
 *
 * <p>Endpoints that point at the same directory share one {@link ProfileStore} (one index, one size total, one
 * retention task), reference-counted here; they must then agree on {@code retention}, {@code maxBytes} and
 * {@code fsync}.
 *
 * @since 0.1.0
 */
@Component("pyroscope-store")
public final class PyroscopeStoreComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeStoreComponent.class);

    /** A store shared by the endpoints that use its directory. */
    private static final class Shared {
        final ProfileStore store;
        final String owner;
        final StoreMetrics metrics;
        final ScheduledExecutorService retention;
        int refs = 1;

        Shared(ProfileStore store, String owner, StoreMetrics metrics, ScheduledExecutorService retention) {
            this.store = store;
            this.owner = owner;
            this.metrics = metrics;
            this.retention = retention;
        }
    }

    /** guarded by this. */
    private final Map<Path, Shared> stores = new HashMap<>();

    public PyroscopeStoreComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("pyroscope-store: a store name is required, as in pyroscope-store:NAME");
        }
        PyroscopeStoreEndpoint endpoint = new PyroscopeStoreEndpoint(uri, this);
        endpoint.setName(remaining);
        // parsed here, before the generated configurer sees them: maxBytes also takes sizes with a unit (512MB), and
        // Camel's own Duration conversion turns "-1s" or "abc" into 0 (= keep forever) instead of failing
        String maxBytes = getAndRemoveParameter(parameters, "maxBytes", String.class);
        String retention = getAndRemoveParameter(parameters, "retention", String.class);
        try {
            if (maxBytes != null) {
                endpoint.setMaxBytes(ByteSizes.parse("maxBytes", maxBytes));
            }
            if (retention != null) {
                endpoint.setRetention(Durations.parse("retention", retention).toMillis());
            }
        } catch (IllegalArgumentException e) {
            // the message says all; no cause, so the root cause a user sees names endpoint, option and value
            throw new IllegalArgumentException("pyroscope-store:" + remaining + ": " + e.getMessage());
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The store of the endpoint's directory: opened (indexed, swept) and given its retention task on first use.
     *
     * @throws IllegalArgumentException when another endpoint uses the directory with other settings
     */
    synchronized ProfileStore acquire(PyroscopeStoreEndpoint endpoint, StoreSettings settings) throws IOException {
        Shared shared = stores.get(settings.directory());
        if (shared != null) {
            StoreSettings other = shared.store.settings();
            if (!other.equals(settings)) {
                throw new IllegalArgumentException("pyroscope-store:" + endpoint.getName() + ": directory "
                        + settings.directory() + " is already used by pyroscope-store:" + shared.owner
                        + " with retention=" + other.retention() + ", maxBytes=" + other.maxBytes() + ", fsync="
                        + other.fsync() + " (this endpoint: retention=" + settings.retention() + ", maxBytes="
                        + settings.maxBytes() + ", fsync=" + settings.fsync()
                        + "); endpoints sharing a directory must use the same retention, maxBytes and fsync");
            }
            shared.refs++;
            LOG.debug("pyroscope-store:{} shares the store of pyroscope-store:{} in {}", endpoint.getName(),
                    shared.owner, settings.directory());
            return shared.store;
        }
        ProfileStore store = new ProfileStore(endpoint.getName(), settings);
        MeterRegistry registry = getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
        StoreMetrics metrics = registry == null ? null : new StoreMetrics(registry, endpoint.getName(), store);
        store.listener(metrics);
        ScheduledExecutorService retention = null;
        try {
            store.open();
            Duration interval = settings.sweepInterval();
            if (interval != null) {
                retention = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(endpoint,
                        "pyroscope-store:" + endpoint.getName() + "-retention");
                long ms = interval.toMillis();
                retention.scheduleWithFixedDelay(() -> sweep(store), ms, ms, TimeUnit.MILLISECONDS);
            }
        } catch (IOException | RuntimeException e) {
            if (metrics != null) {
                metrics.close();
            }
            store.close();
            throw e;
        }
        stores.put(settings.directory(), new Shared(store, endpoint.getName(), metrics, retention));
        return store;
    }

    /** Gives the store back; the last endpoint to leave stops its retention task and closes it. */
    synchronized void release(ProfileStore store) {
        Shared shared = stores.get(store.directory());
        if (shared == null || shared.store != store) {
            return;
        }
        if (--shared.refs == 0) {
            stores.remove(store.directory());
            closeShared(shared);
        }
    }

    private void closeShared(Shared shared) {
        if (shared.retention != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(shared.retention);
        }
        shared.store.close();
        if (shared.metrics != null) {
            shared.metrics.close();
        }
    }

    private static void sweep(ProfileStore store) {
        try {
            store.sweepRetention();
        } catch (Throwable t) {
            // keep the task alive: the next run retries
            LOG.warn("pyroscope-store:{} retention sweep failed: {}", store.name(), t.toString(), t);
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            stores.values().forEach(this::closeShared);
            stores.clear();
        }
        super.doStop();
    }
}
