package io.pyrocamel.processors.discoveryrelabel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code discovery-relabel} component: Alloy's {@code discovery.relabel}.
 *
 * @since 0.1.0
 */
@Component("discovery-relabel")
public class DiscoveryRelabelComponent extends DefaultComponent {

    public DiscoveryRelabelComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": a name is required: discovery-relabel:NAME");
        }
        DiscoveryRelabelEndpoint endpoint = new DiscoveryRelabelEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
