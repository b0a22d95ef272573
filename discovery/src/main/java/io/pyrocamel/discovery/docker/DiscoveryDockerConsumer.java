package io.pyrocamel.discovery.docker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.model.Container;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.Target;
import io.pyrocamel.discovery.AbstractDiscoveryConsumer;

/**
 * Lists the containers and networks at start and every {@code refreshInterval}; emits the list when it changed. An
 * unreachable daemon or an API error fails the refresh: the last list stays (as in Prometheus), the health check is
 * DOWN with the reason, the failure is counted and logged once (WARN) until the daemon answers again (INFO).
 */
final class DiscoveryDockerConsumer extends AbstractDiscoveryConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryDockerConsumer.class);

    private DockerSource source;

    DiscoveryDockerConsumer(DiscoveryDockerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public DiscoveryDockerEndpoint getEndpoint() {
        return (DiscoveryDockerEndpoint) super.getEndpoint();
    }

    @Override
    protected void startDiscovery() throws Exception {
        DockerSettings s = getEndpoint().settings();
        try {
            source = new DockerSource(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(getEndpoint().displayName() + ": cannot set up the Docker client for "
                                               + s.host() + ": " + e.getMessage(), e);
        }
        executor().scheduleWithFixedDelay(this::refresh, 0, s.refreshInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected String waitingMessage() {
        return "waiting for the first container list from " + getEndpoint().getHost();
    }

    @Override
    protected String recoveredMessage() {
        return "the Docker daemon at " + getEndpoint().getHost() + " answers again";
    }

    private void refresh() {
        DockerSettings s = getEndpoint().settings();
        DockerSource src = source;
        if (src == null || !isRunAllowed()) {
            return; // stopping
        }
        List<Container> containers;
        Map<String, DockerTargets.NetworkInfo> networks;
        try {
            containers = src.containers();
            networks = src.networks();
        } catch (Exception e) {
            if (!isRunAllowed()) {
                return; // the client was closed by stop
            }
            refreshFailed("cannot list the containers of the Docker daemon at " + s.host() + ": " + describe(e), e);
            return;
        }
        try {
            List<Target> targets = DockerTargets.targets(containers, networks, s.port(), s.hostNetworkingHost(),
                    s.matchFirstNetwork());
            refreshSucceeded();
            emitIfChanged(targets);
            LOG.trace("{}: {} containers, {} targets", getEndpoint().displayName(), containers.size(),
                    targets.size());
        } catch (RuntimeException e) {
            refreshFailed("building the target list failed: " + e, e);
        }
    }

    /** The innermost message: docker-java wraps I/O errors in RuntimeExceptions. */
    private static String describe(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(e.toString());
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.setLength(0);
            sb.append(t);
        }
        return sb.toString();
    }

    @Override
    protected void stopDiscovery() throws Exception {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
