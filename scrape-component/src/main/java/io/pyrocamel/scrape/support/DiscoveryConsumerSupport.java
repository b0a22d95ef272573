package io.pyrocamel.scrape.support;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.Target;

/**
 * The common part of the discovery consumers: each refresh yields the complete target list; it is sent into the route
 * (body: {@code List<Target>}) at the first refresh and whenever it differs from the last list the route accepted. A
 * refresh error keeps the last list; errors are logged at WARN when they start or change, and counted.
 *
 * @since 0.1.0
 */
public abstract class DiscoveryConsumerSupport extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryConsumerSupport.class);

    /** Header with the number of targets in the body. */
    public static final String TARGET_COUNT = "CamelPyroscopeDiscoveryTargetCount";

    private volatile List<Target> lastSent;
    private volatile String lastError;
    private volatile Instant lastRefresh;
    private volatile Instant lastChange;
    protected final LongAdder refreshes = new LongAdder();
    protected final LongAdder failures = new LongAdder();
    private final LongAdder emitted = new LongAdder();

    protected DiscoveryConsumerSupport(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** A short name for logs: {@code discovery-file:NAME}. */
    protected abstract String describe();

    @Override
    protected void doStart() throws Exception {
        lastSent = null;
        lastError = null;
        super.doStart();
    }

    /** Records a successful refresh and sends the list when it changed. */
    protected void refreshed(List<Target> targets) {
        refreshes.increment();
        lastRefresh = Instant.now();
        if (lastError != null) {
            LOG.info("{}: refresh works again ({} targets)", describe(), targets.size());
            lastError = null;
        }
        if (Objects.equals(targets, lastSent)) {
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(List.copyOf(targets));
            exchange.getMessage().setHeader(TARGET_COUNT, targets.size());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException(describe() + ": the route failed for a target list (sent again"
                                                      + " at the next refresh)", exchange, exchange.getException());
            } else {
                lastSent = List.copyOf(targets);
                lastChange = Instant.now();
                emitted.increment();
                LOG.debug("{}: sent {} targets", describe(), targets.size());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Records a failed refresh: the last list stays; WARN once per new error. */
    protected void failed(String error) {
        refreshes.increment();
        failures.increment();
        lastRefresh = Instant.now();
        if (!error.equals(lastError)) {
            LOG.warn("{}: refresh failed, keeping the last {} targets: {}", describe(),
                    lastSent == null ? 0 : lastSent.size(), error);
        } else {
            LOG.debug("{}: refresh failed: {}", describe(), error);
        }
        lastError = error;
    }

    /** Logs a problem that does not fail the refresh (one unreadable file of several). */
    protected void warnOnce(String key, String previous, String error) {
        if (!error.equals(previous)) {
            LOG.warn("{}: {}: {}", describe(), key, error);
        }
    }

    @ManagedAttribute(description = "Targets in the last list sent")
    public int getTargetCount() {
        List<Target> l = lastSent;
        return l == null ? 0 : l.size();
    }

    @ManagedAttribute(description = "The last list sent, one target per line")
    public String getTargets() {
        List<Target> l = lastSent;
        StringBuilder sb = new StringBuilder();
        if (l != null) {
            l.forEach(t -> sb.append(t.labels()).append('\n'));
        }
        return sb.toString();
    }

    @ManagedAttribute(description = "The error of the last refresh, empty when it worked")
    public String getLastError() {
        String e = lastError;
        return e == null ? "" : e;
    }

    @ManagedAttribute(description = "When the last refresh ran")
    public String getLastRefresh() {
        Instant i = lastRefresh;
        return i == null ? "" : i.toString();
    }

    @ManagedAttribute(description = "When the list last changed")
    public String getLastChange() {
        Instant i = lastChange;
        return i == null ? "" : i.toString();
    }

    @ManagedAttribute(description = "Refreshes run")
    public long getRefreshes() {
        return refreshes.sum();
    }

    @ManagedAttribute(description = "Refreshes that failed")
    public long getFailures() {
        return failures.sum();
    }

    @ManagedAttribute(description = "Target lists sent into the route")
    public long getListsSent() {
        return emitted.sum();
    }

    /** The last list sent, or {@code null}. */
    public List<Target> lastSent() {
        return lastSent;
    }
}
