package io.pyrocamel.core.targets;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.Targets;

/** Publishes the target list in the body as the complete new content of the set; the body becomes the set. */
final class TargetsProducer extends DefaultProducer {

    TargetsProducer(TargetsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TargetsEndpoint getEndpoint() {
        return (TargetsEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        TargetsEndpoint endpoint = getEndpoint();
        TargetSet published = endpoint.registry().publish(endpoint.getName(),
                Targets.fromBody(exchange.getMessage().getBody()));
        exchange.getMessage().setBody(published);
        exchange.getMessage().setHeader(TargetsConstants.VERSION, published.version());
        exchange.getMessage().setHeader(TargetsConstants.SIZE, published.size());
    }
}
