package io.pyrocamel.scrape.discovery.http;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.pyrocamel.core.Durations;
import io.pyrocamel.core.http.SecretMasking;

/**
 * The {@code discovery-http} component: {@code from: discovery-http:NAME} is one Alloy {@code discovery.http}
 * (Prometheus http_sd).
 *
 * @since 0.1.0
 */
@Component("discovery-http")
public class DiscoveryHttpComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("discovery-http: a name is required, as in discovery-http:NAME");
        }
        DiscoveryHttpEndpoint endpoint = new DiscoveryHttpEndpoint(SecretMasking.mask(uri), this, remaining);
        endpoint.getHttp().takeMaps(parameters);
        String refresh = getAndRemoveParameter(parameters, "refreshInterval", String.class);
        if (refresh != null) {
            try {
                endpoint.setRefreshInterval(Durations.parse("refreshInterval", refresh).toMillis());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("discovery-http:" + remaining + ": " + e.getMessage());
            }
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
