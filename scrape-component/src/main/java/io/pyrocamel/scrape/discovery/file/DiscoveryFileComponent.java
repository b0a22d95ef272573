package io.pyrocamel.scrape.discovery.file;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.pyrocamel.core.Durations;

/**
 * The {@code discovery-file} component: {@code from: discovery-file:NAME} is one Alloy {@code discovery.file}
 * (Prometheus file_sd).
 *
 * @since 0.1.0
 */
@Component("discovery-file")
public class DiscoveryFileComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("discovery-file: a name is required, as in discovery-file:NAME");
        }
        DiscoveryFileEndpoint endpoint = new DiscoveryFileEndpoint(uri, this, remaining);
        String refresh = getAndRemoveParameter(parameters, "refreshInterval", String.class);
        if (refresh != null) {
            try {
                endpoint.setRefreshInterval(Durations.parse("refreshInterval", refresh).toMillis());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("discovery-file:" + remaining + ": " + e.getMessage());
            }
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
