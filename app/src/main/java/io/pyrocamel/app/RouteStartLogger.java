package io.pyrocamel.app;

import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one INFO line per started route: its id, its {@code from} endpoint (sanitized: secrets in the URI are masked by
 * {@link URISupport#sanitizeUri}) and the route file it comes from.
 */
final class RouteStartLogger extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PyrocamelApplication.class);

    RouteStartLogger() {
        setIgnoreCamelContextEvents(true);
        setIgnoreExchangeEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.RouteStartedEvent started) {
            Route route = started.getRoute();
            String from = URISupport.sanitizeUri(route.getEndpoint().getEndpointUri());
            String source = route.getSourceLocationShort();
            if (source != null) {
                LOG.info("Started route {} from {} ({})", route.getRouteId(), from, source);
            } else {
                LOG.info("Started route {} from {}", route.getRouteId(), from);
            }
        }
    }
}
