package io.pyrocamel.discovery.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.discovery.AbstractDiscoveryConsumer;

/**
 * Starts the informers, waits until each has listed once, emits the list built from their caches, and then emits
 * again {@code debounce} after a change (changes within that time are one emission; an unchanged list is not
 * emitted). A failing list or watch makes the health check DOWN until every watch is open again.
 */
final class DiscoveryKubernetesConsumer extends AbstractDiscoveryConsumer implements KubernetesWatcher.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryKubernetesConsumer.class);
    private static final long STATE_CHECK_MILLIS = 500;
    /** Every this many state checks (5 s) the API server is asked for /version: fabric8 resumes broken watches
     *  silently, so this is how an unreachable server or rejected credentials reach the health check. */
    private static final int PROBE_EVERY = 10;

    private final AtomicBoolean pending = new AtomicBoolean();
    private KubernetesClient client;
    private KubernetesWatcher watcher;
    private volatile boolean synced;
    private int ticks;
    private final AtomicBoolean probing = new AtomicBoolean();

    DiscoveryKubernetesConsumer(DiscoveryKubernetesEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public DiscoveryKubernetesEndpoint getEndpoint() {
        return (DiscoveryKubernetesEndpoint) super.getEndpoint();
    }

    @Override
    protected void startDiscovery() throws Exception {
        DiscoveryKubernetesEndpoint endpoint = getEndpoint();
        KubernetesSettings settings = endpoint.settings();
        KubernetesClients.Connection connection;
        try {
            connection = KubernetesClients.connect(settings);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException(endpoint.displayName() + ": " + e.getMessage(), e);
        }
        client = connection.client();
        List<String> namespaces = new ArrayList<>(settings.namespaces());
        if (settings.ownNamespace() && connection.ownNamespace() != null) {
            namespaces.add(connection.ownNamespace());
        }
        LOG.debug("{}: role {}, API server {}, namespaces {}", endpoint.displayName(), settings.role(),
                client.getMasterUrl(), namespaces.isEmpty() ? "all" : namespaces);
        watcher = new KubernetesWatcher(client, settings, namespaces, this);
        watcher.start();
        executor().scheduleWithFixedDelay(this::checkState, 0, STATE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected String waitingMessage() {
        return "waiting for the first list of every watched resource";
    }

    @Override
    protected String recoveredMessage() {
        return "every watch is open again";
    }

    @Override
    public void changed() {
        if (!pending.getAndSet(true)) {
            ScheduledExecutorService ex = executor();
            try {
                ex.schedule(this::rebuild, getEndpoint().getDebounce(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException | NullPointerException e) {
                pending.set(false); // stopping
            }
        }
    }

    @Override
    public void failed(String message, Throwable cause) {
        try {
            executor().execute(() -> refreshFailed(message, cause));
        } catch (RejectedExecutionException | NullPointerException e) {
            // stopping
        }
    }

    private void checkState() {
        try {
            KubernetesWatcher w = watcher;
            if (w == null || !w.synced()) {
                return;
            }
            if (!synced) {
                synced = true;
                rebuild();
            } else if (++ticks % PROBE_EVERY == 0) {
                probe();
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: state check failed: {}", getEndpoint().displayName(), e.toString(), e);
        }
    }

    private void probe() {
        KubernetesClient c = client;
        if (c == null || !probing.compareAndSet(false, true)) {
            return;
        }
        String url = c.getMasterUrl().toString();
        url = (url.endsWith("/") ? url : url + "/") + "version";
        var http = c.getHttpClient();
        String target = url;
        http.sendAsync(http.newHttpRequestBuilder().uri(url).timeout(5, TimeUnit.SECONDS).build(), String.class)
                .whenComplete((response, error) -> {
                    probing.set(false);
                    String problem = null;
                    if (error != null) {
                        problem = "the API server " + target + " is unreachable: " + error;
                    } else if (response.code() == 401 || response.code() == 403) {
                        problem = "the API server rejects the credentials: HTTP " + response.code() + " for "
                                  + target;
                    } else if (response.code() >= 500) {
                        problem = "the API server fails: HTTP " + response.code() + " for " + target;
                    }
                    String p = problem;
                    try {
                        executor().execute(() -> {
                            if (p != null) {
                                refreshFailed(p, error);
                            } else if (watcher != null && watcher.watching()) {
                                refreshSucceeded();
                            }
                        });
                    } catch (RejectedExecutionException | NullPointerException e) {
                        // stopping
                    }
                });
    }

    private void rebuild() {
        pending.set(false);
        KubernetesWatcher w = watcher;
        if (w == null || !synced) {
            return;
        }
        try {
            if (LOG.isTraceEnabled()) {
                LOG.trace("{}: rebuilding from {}", getEndpoint().displayName(), w.describe());
            }
            emitIfChanged(w.targets());
            if (w.watching() || getFailure() == null) {
                refreshSucceeded();
            }
        } catch (RuntimeException e) {
            refreshFailed("building the target list failed: " + e, e);
        }
    }

    @Override
    protected void stopDiscovery() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
        synced = false;
        ticks = 0;
        pending.set(false);
        probing.set(false);
    }
}
