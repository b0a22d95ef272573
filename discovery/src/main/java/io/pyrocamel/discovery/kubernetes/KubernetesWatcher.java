package io.pyrocamel.discovery.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import io.pyrocamel.core.Target;

/**
 * The fabric8 informers of one discovery (list, then watch; a closed or failed watch is resumed by the informer, which
 * lists again when the server no longer has the resource version, so the caches converge without duplicates) and the
 * target list built from their caches. Which resources are watched follows Prometheus: pod → pods; service →
 * services; endpoints → endpoints, services, pods; endpointslice → endpoint slices (discovery.k8s.io/v1), services,
 * pods; node → nodes; plus nodes / namespaces for {@code attachMetadata*}. One informer per namespace (or one for
 * all), each with the selector of its resource's role; resync is off.
 *
 * @since 0.1.0
 */
final class KubernetesWatcher implements AutoCloseable {

    /** What the informers report. Called on fabric8's threads: must be quick. */
    interface Listener {
        void changed();

        void failed(String message, Throwable cause);
    }

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final List<String> namespaces;
    private final Listener listener;

    private final List<SharedIndexInformer<? extends HasMetadata>> all = new ArrayList<>();
    private final List<SharedIndexInformer<Pod>> pods = new ArrayList<>();
    private final List<SharedIndexInformer<Service>> services = new ArrayList<>();
    private final List<SharedIndexInformer<Endpoints>> endpoints = new ArrayList<>();
    private final List<SharedIndexInformer<EndpointSlice>> slices = new ArrayList<>();
    private SharedIndexInformer<Node> nodes;
    private SharedIndexInformer<Namespace> namespaceInformer;

    /**
     * @param namespaces the namespaces to watch; empty = all
     */
    KubernetesWatcher(KubernetesClient client, KubernetesSettings settings, List<String> namespaces,
                      Listener listener) {
        this.client = client;
        this.settings = settings;
        this.namespaces = namespaces;
        this.listener = listener;
    }

    void start() {
        KubernetesRole role = settings.role();
        boolean withPods = role == KubernetesRole.POD || role == KubernetesRole.ENDPOINTS
                           || role == KubernetesRole.ENDPOINTSLICE;
        boolean withServices = role != KubernetesRole.POD && role != KubernetesRole.NODE;
        if (role == KubernetesRole.NODE || (settings.attachMetadataNode() && withPods)) {
            nodes = inform(client.nodes(), settings.selector(KubernetesRole.NODE), "nodes");
        }
        if (settings.attachMetadataNamespace() && role != KubernetesRole.NODE) {
            namespaceInformer = inform(client.namespaces(), Selector.NONE, "namespaces");
        }
        for (String ns : namespaces.isEmpty() ? java.util.Collections.<String>singletonList(null) : namespaces) {
            if (withPods) {
                pods.add(inform(ns == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(ns),
                        settings.selector(KubernetesRole.POD), "pods"));
            }
            if (withServices) {
                services.add(inform(ns == null ? client.services().inAnyNamespace() : client.services().inNamespace(ns),
                        settings.selector(KubernetesRole.SERVICE), "services"));
            }
            if (role == KubernetesRole.ENDPOINTS) {
                endpoints.add(inform(ns == null ? client.endpoints().inAnyNamespace()
                        : client.endpoints().inNamespace(ns), settings.selector(KubernetesRole.ENDPOINTS), "endpoints"));
            }
            if (role == KubernetesRole.ENDPOINTSLICE) {
                var op = client.discovery().v1().endpointSlices();
                slices.add(inform(ns == null ? op.inAnyNamespace() : op.inNamespace(ns),
                        settings.selector(KubernetesRole.ENDPOINTSLICE), "endpointslices"));
            }
        }
        for (SharedIndexInformer<? extends HasMetadata> i : all) {
            i.start();
        }
    }

    private <T extends HasMetadata> SharedIndexInformer<T> inform(FilterWatchListDeletable<T, ?, ?> base,
                                                                 Selector selector, String what) {
        FilterWatchListDeletable<T, ?, ?> op = base;
        if (selector.label() != null) {
            op = op.withLabelSelector(selector.label());
        }
        for (Selector.FieldRequirement r : selector.fieldRequirements("selectorsField")) {
            op = r.equal() ? op.withField(r.key(), r.value()) : op.withoutField(r.key(), r.value());
        }
        SharedIndexInformer<T> informer = op.runnableInformer(0);
        informer.exceptionHandler((started, t) -> {
            listener.failed("watching " + what + " failed: " + t, t);
            return true; // keep retrying, with the informer's backoff
        });
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                listener.changed();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                listener.changed();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                listener.changed();
            }
        });
        all.add(informer);
        return informer;
    }

    /** True when every informer has listed once. */
    boolean synced() {
        return all.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** True when every informer has a watch open. */
    boolean watching() {
        return all.stream().allMatch(SharedIndexInformer::isWatching);
    }

    /** The complete target list from the caches: groups ordered by source, targets in Prometheus' order. */
    List<Target> targets() {
        KubernetesTargets.Lookups lookups = new KubernetesTargets.Lookups() {
            @Override
            public Pod pod(String namespace, String name) {
                return find(pods, namespace + "/" + name);
            }

            @Override
            public Service service(String namespace, String name) {
                return find(services, namespace + "/" + name);
            }

            @Override
            public Node node(String name) {
                return nodes == null ? null : nodes.getStore().getByKey(name);
            }

            @Override
            public Namespace namespace(String name) {
                return namespaceInformer == null ? null : namespaceInformer.getStore().getByKey(name);
            }
        };
        boolean nodeMeta = settings.attachMetadataNode();
        List<KubernetesTargets.Group> groups = new ArrayList<>();
        switch (settings.role()) {
            case POD -> each(pods, p -> groups.add(KubernetesTargets.pod(p, lookups)));
            case SERVICE -> each(services, s -> groups.add(KubernetesTargets.service(s, lookups)));
            case ENDPOINTS -> each(endpoints, e -> groups.add(KubernetesTargets.endpoints(e, lookups, nodeMeta)));
            case ENDPOINTSLICE -> each(slices, e -> groups.add(KubernetesTargets.endpointSlice(e, lookups, nodeMeta)));
            case NODE -> nodes.getStore().list().forEach(n -> groups.add(KubernetesTargets.node(n)));
            default -> throw new IllegalStateException("role " + settings.role() + " is not supported");
        }
        groups.sort(Comparator.comparing(KubernetesTargets.Group::source));
        List<Target> out = new ArrayList<>();
        for (KubernetesTargets.Group g : groups) {
            out.addAll(g.flatten());
        }
        return out;
    }

    private static <T extends HasMetadata> void each(List<SharedIndexInformer<T>> informers,
                                                     java.util.function.Consumer<T> action) {
        for (SharedIndexInformer<T> i : informers) {
            i.getStore().list().forEach(action);
        }
    }

    private static <T> T find(List<SharedIndexInformer<T>> informers, String key) {
        for (SharedIndexInformer<T> i : informers) {
            T t = i.getStore().getByKey(key);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** How many objects the caches hold, per resource (debug). */
    String describe() {
        Function<List<? extends SharedIndexInformer<?>>, Integer> count =
                l -> l.stream().mapToInt(i -> i.getStore().list().size()).sum();
        return "pods=" + count.apply(pods) + " services=" + count.apply(services) + " endpoints="
               + count.apply(endpoints) + " endpointslices=" + count.apply(slices) + " nodes="
               + (nodes == null ? 0 : nodes.getStore().list().size());
    }

    @Override
    public void close() {
        for (SharedIndexInformer<? extends HasMetadata> i : all) {
            try {
                i.stop();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
        all.clear();
    }
}
