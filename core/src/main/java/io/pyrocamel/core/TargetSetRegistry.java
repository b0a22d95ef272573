package io.pyrocamel.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named target sets of one CamelContext: what {@code to: targets:NAME} publishes and {@code targetSet=NAME}
 * subscribes to (DESIGN.md §4). Each publish replaces the whole list and bumps the version; subscribers are called with
 * the complete new set (and, on subscribe, with the current set if there is one).
 *
 * <p>Thread-safe. Listeners run on the publishing thread and must be quick (reconcile and return).
 */
public final class TargetSetRegistry {

    /** Name under which the registry is bound in the Camel registry. */
    public static final String BEAN_NAME = "pyrocamelTargetSets";

    private static final Logger LOG = LoggerFactory.getLogger(TargetSetRegistry.class);

    private final Map<String, TargetSet> sets = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<TargetSet>>> listeners = new ConcurrentHashMap<>();

    /** The registry of this context, created and bound on first use. */
    public static TargetSetRegistry of(CamelContext context) {
        synchronized (context) {
            TargetSetRegistry r = context.getRegistry().lookupByNameAndType(BEAN_NAME, TargetSetRegistry.class);
            if (r == null) {
                r = new TargetSetRegistry();
                context.getRegistry().bind(BEAN_NAME, TargetSetRegistry.class, r);
            }
            return r;
        }
    }

    /** Publishes the complete list of a set; returns the set as stored (with its new version). */
    public TargetSet publish(String name, List<Target> targets) {
        Objects.requireNonNull(name, "name");
        TargetSet published = sets.compute(name, (n, old) -> new TargetSet(n, old == null ? 1 : old.version() + 1,
                targets));
        LOG.debug("Target set {} version {}: {} targets", name, published.version(), published.size());
        for (Consumer<TargetSet> l : listeners.getOrDefault(name, List.of())) {
            try {
                l.accept(published);
            } catch (RuntimeException e) {
                LOG.warn("A subscriber of target set {} failed: {}", name, e.toString(), e);
            }
        }
        return published;
    }

    /** The current set, or {@code null} when nothing was published under that name yet. */
    public TargetSet current(String name) {
        return sets.get(name);
    }

    /**
     * Subscribes to a set. The listener is called now with the current set (if any) and then on every publish.
     *
     * @return a handle that unsubscribes when closed
     */
    public AutoCloseable subscribe(String name, Consumer<TargetSet> listener) {
        Objects.requireNonNull(listener, "listener");
        List<Consumer<TargetSet>> list = listeners.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        list.add(listener);
        TargetSet now = sets.get(name);
        if (now != null) {
            listener.accept(now);
        }
        return () -> list.remove(listener);
    }
}
