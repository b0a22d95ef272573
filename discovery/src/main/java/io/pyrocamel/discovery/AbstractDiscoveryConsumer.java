package io.pyrocamel.discovery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;

/**
 * The base of the discovery consumers. Owns one single-thread scheduler from Camel's ExecutorServiceManager (named
 * after the endpoint, shut down with the route): subclasses refresh on it and call {@link #emitIfChanged(List)}
 * there, so emissions are serialized. Emits the complete list as a {@link TargetSet} (named after the endpoint, with
 * its own version) whenever it differs from the last emitted one; keeps the self-metrics and the health state (a
 * refresh failure is logged once when the state changes, at WARN, and once when it recovers, at INFO).
 *
 * @since 0.1.0
 */
public abstract class AbstractDiscoveryConsumer extends DefaultConsumer implements HealthCheckAware {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractDiscoveryConsumer.class);

    private ScheduledExecutorService executor;
    private DiscoveryMetrics metrics;
    private HealthCheck healthCheck = new DiscoveryHealthCheck();

    // state written on the executor thread, read by the health check and JMX
    private volatile List<Target> lastEmitted;
    private volatile long version;
    private volatile String failure;
    private volatile Throwable failureCause;
    private volatile Instant lastRefresh;

    protected AbstractDiscoveryConsumer(AbstractDiscoveryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AbstractDiscoveryEndpoint getEndpoint() {
        return (AbstractDiscoveryEndpoint) super.getEndpoint();
    }

    /** The scheduler of this consumer (after start). */
    protected final ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AbstractDiscoveryEndpoint endpoint = getEndpoint();
        executor = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, endpoint.displayName());
        MeterRegistry registry = endpoint.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
        if (registry != null) {
            metrics = new DiscoveryMetrics(registry, endpoint.componentId(), endpoint.mechanism());
        }
        startDiscovery();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            stopDiscovery();
        } finally {
            if (executor != null) {
                getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
                executor = null;
            }
            if (metrics != null) {
                metrics.close();
                metrics = null;
            }
            lastEmitted = null;
            version = 0;
            failure = null;
            failureCause = null;
            lastRefresh = null;
            super.doStop();
        }
    }

    /** Starts the refresh loop or the watches; called at the end of {@link #doStart()}. */
    protected abstract void startDiscovery() throws Exception;

    /** Stops what {@link #startDiscovery()} started; called before the scheduler is shut down. */
    protected abstract void stopDiscovery() throws Exception;

    /**
     * Emits {@code targets} when it differs from the last list emitted successfully (and always the first time).
     * Call on the scheduler thread.
     *
     * @return true when a list was emitted
     */
    protected final boolean emitIfChanged(List<Target> targets) {
        List<Target> list = List.copyOf(targets);
        if (list.equals(lastEmitted)) {
            return false;
        }
        long next = version + 1;
        AbstractDiscoveryEndpoint endpoint = getEndpoint();
        TargetSet set = new TargetSet(endpoint.getName(), next, list);
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(set);
            exchange.getMessage().setHeader(DiscoveryConstants.VERSION, next);
            exchange.getMessage().setHeader(DiscoveryConstants.SIZE, list.size());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null;
        if (ok) {
            version = next;
            lastEmitted = list;
            if (metrics != null) {
                metrics.emitted(list.size());
            }
            LOG.debug("{} emitted version {}: {} targets", endpoint.displayName(), next, list.size());
        } else {
            // not remembered: the same list is emitted again at the next refresh or change
            getExceptionHandler().handleException("Error processing the target list of " + endpoint.displayName(),
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }

    /** Records a successful refresh: metrics, health, and an INFO line when it ends a failure. */
    protected final void refreshSucceeded() {
        lastRefresh = Instant.now();
        if (metrics != null) {
            metrics.refreshed(lastRefresh.toEpochMilli());
        }
        if (failure != null) {
            LOG.info("{} recovered: {}", getEndpoint().displayName(), recoveredMessage());
            failure = null;
            failureCause = null;
        }
    }

    /** The INFO line after a failure ends. */
    protected String recoveredMessage() {
        return "refresh succeeded again";
    }

    /**
     * Records a failed refresh: counts it, makes the health check DOWN with {@code message}, and logs at WARN when the
     * failure starts or its message changes (DEBUG otherwise). Keeps the last emitted list (Prometheus' discoverers
     * keep their last targets when a refresh fails).
     */
    protected final void refreshFailed(String message, Throwable cause) {
        if (metrics != null) {
            metrics.failed();
        }
        if (!Objects.equals(failure, message)) {
            LOG.warn("{}: {}", getEndpoint().displayName(), message, LOG.isDebugEnabled() ? cause : null);
        } else {
            LOG.debug("{} still failing: {}", getEndpoint().displayName(), message);
        }
        failure = message;
        failureCause = cause;
    }

    /** The last list emitted (null before the first). */
    public List<Target> getLastEmitted() {
        return lastEmitted;
    }

    /** The version of the last list emitted (0 before the first). */
    public long getVersion() {
        return version;
    }

    /** The current failure, or null. */
    public String getFailure() {
        return failure;
    }

    /** True when the source was read at least once (Kubernetes: every watch synced). */
    public boolean isRefreshed() {
        return lastRefresh != null;
    }

    /** Message of the health check before the first successful refresh. */
    protected String waitingMessage() {
        return "waiting for the first refresh";
    }

    @Override
    public HealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    public void setHealthCheck(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }

    /** UP after a successful refresh, DOWN with the reason while refreshes fail or before the first one. */
    private final class DiscoveryHealthCheck implements HealthCheck {
        private boolean enabled = true;

        @Override
        public String getGroup() {
            return "pyrocamel";
        }

        @Override
        public String getId() {
            return getEndpoint().displayName();
        }

        @Override
        public boolean isEnabled() {
            return enabled;
        }

        @Override
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        public Result call(Map<String, Object> options) {
            HealthCheckResultBuilder b = HealthCheckResultBuilder.on(this);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("discovery.version", version);
            List<Target> last = lastEmitted;
            details.put("discovery.targets", last == null ? 0 : last.size());
            if (lastRefresh != null) {
                details.put("discovery.last.refresh", lastRefresh.toString());
            }
            b.details(details);
            String f = failure;
            if (f != null) {
                b.down().message(f);
                if (failureCause != null) {
                    b.error(failureCause);
                }
            } else if (lastRefresh == null) {
                b.down().message(waitingMessage());
            } else {
                b.up();
            }
            return b.build();
        }
    }
}
