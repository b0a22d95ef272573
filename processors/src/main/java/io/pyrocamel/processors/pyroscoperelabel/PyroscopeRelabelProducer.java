package io.pyrocamel.processors.pyroscoperelabel;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.processors.ProfileMessages;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relabels the profile in the body (SPEC.md §6.2): empty label sets pass untouched; a drop, or a result with no label
 * left, stops the exchange ({@code routeStop}), so the route ends for this profile without an error and the consumer
 * goes on with the next one.
 *
 * @since 0.1.0
 */
public class PyroscopeRelabelProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeRelabelProducer.class);

    private final PyroscopeRelabelEndpoint endpoint;
    private final RelabelMetrics metrics;

    public PyroscopeRelabelProducer(PyroscopeRelabelEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.metrics = endpoint.metrics();
    }

    @Override
    public PyroscopeRelabelEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Profile profile = ProfileMessages.mandatoryProfile(exchange);
        Labels in = profile.labels();
        metrics.processed.increment();
        if (in.isEmpty()) {
            metrics.written.increment();
            return;
        }
        Labels out = endpoint.relabeler().process(in);
        if (out == null || out.isEmpty()) {
            metrics.dropped.increment();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: profile dropped by relabel rules: {}", endpoint.getName(), in);
            }
            exchange.getMessage().setHeader(PyroscopeRelabelConstants.DROPPED, Boolean.TRUE);
            exchange.setRouteStop(true);
            return;
        }
        metrics.written.increment();
        if (!out.equals(in)) {
            ProfileMessages.setLabels(exchange.getMessage(), profile, out);
        }
    }
}
