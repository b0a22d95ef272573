package io.pyrocamel.discovery.docker;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

import io.pyrocamel.core.Durations;

/**
 * {@code discovery-docker:NAME}: the containers of a Docker daemon, Alloy's {@code discovery.docker}.
 *
 * @since 0.1.0
 */
@Component("discovery-docker")
public final class DiscoveryDockerComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("discovery-docker: a name is required, as in discovery-docker:local");
        }
        DiscoveryDockerEndpoint endpoint = new DiscoveryDockerEndpoint(uri, this, remaining);
        String interval = getAndRemoveParameter(parameters, "refreshInterval", String.class);
        if (interval != null) {
            try {
                endpoint.setRefreshInterval(Durations.parse("refreshInterval", interval).toMillis());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("discovery-docker:" + remaining + ": " + e.getMessage());
            }
        }
        Map<String, Object> filters = PropertiesHelper.extractProperties(parameters, "filters.");
        if (!filters.isEmpty()) {
            endpoint.setFilters(filters);
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
