package io.pyrocamel.processors.pyroscopeenrich;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code pyroscope-enrich} component: Alloy's {@code pyroscope.enrich}.
 *
 * @since 0.1.0
 */
@Component("pyroscope-enrich")
public class PyroscopeEnrichComponent extends DefaultComponent {

    public PyroscopeEnrichComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": a name is required: pyroscope-enrich:NAME");
        }
        PyroscopeEnrichEndpoint endpoint = new PyroscopeEnrichEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
