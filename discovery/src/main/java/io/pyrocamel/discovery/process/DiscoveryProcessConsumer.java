package io.pyrocamel.discovery.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.discovery.AbstractDiscoveryConsumer;

/**
 * Scans {@code /proc} at start and every {@code refreshInterval}, joins, and emits the list when it changed; a change
 * of the {@code joinTargetSet} re-emits the joined list at once.
 */
final class DiscoveryProcessConsumer extends AbstractDiscoveryConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryProcessConsumer.class);

    private ProcessScanner scanner;
    private AutoCloseable subscription;
    // executor thread only, except joinFromSet (set by the registry's publishing thread)
    private List<Target> processes;
    private volatile List<Target> joinFromSet = List.of();

    DiscoveryProcessConsumer(DiscoveryProcessEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public DiscoveryProcessEndpoint getEndpoint() {
        return (DiscoveryProcessEndpoint) super.getEndpoint();
    }

    @Override
    protected void startDiscovery() {
        DiscoveryProcessEndpoint endpoint = getEndpoint();
        scanner = endpoint.newScanner();
        if (endpoint.getJoinTargetSet() != null) {
            subscription = TargetSetRegistry.of(endpoint.getCamelContext()).subscribe(endpoint.getJoinTargetSet(),
                    this::joinSetChanged);
        }
        long interval = endpoint.getRefreshInterval();
        executor().scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void joinSetChanged(TargetSet set) {
        joinFromSet = set.targets();
        try {
            executor().execute(this::emitJoined);
        } catch (RejectedExecutionException | NullPointerException e) {
            // stopping
        }
    }

    private void refresh() {
        ProcessScanner sc = scanner;
        if (sc == null || !isRunAllowed()) {
            return; // stopping
        }
        try {
            List<Target> scanned = sc.scan();
            processes = scanned;
            refreshSucceeded();
            if (LOG.isDebugEnabled() && sc.deniedLastScan() > 0) {
                LOG.debug("{}: {} processes skipped for lack of permission (run as root to see all)",
                        getEndpoint().displayName(), sc.deniedLastScan());
            }
            emitJoined();
        } catch (IOException e) {
            refreshFailed("cannot list the processes in " + getEndpoint().getProcPath() + ": " + e, e);
        } catch (RuntimeException e) {
            // keep the schedule alive
            refreshFailed("process scan failed: " + e, e);
        }
    }

    private void emitJoined() {
        if (processes == null) {
            return; // before the first scan
        }
        List<Target> join = getEndpoint().joinTargets();
        List<Target> fromSet = joinFromSet;
        if (!fromSet.isEmpty()) {
            List<Target> all = new ArrayList<>(join.size() + fromSet.size());
            all.addAll(join);
            all.addAll(fromSet);
            join = all;
        }
        emitIfChanged(ProcessJoin.join(processes, join));
    }

    @Override
    protected void stopDiscovery() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        scanner = null;
        processes = null;
        joinFromSet = List.of();
    }
}
