package io.pyrocamel.discovery.process;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.pyrocamel.core.Durations;

/**
 * {@code discovery-process:NAME}: the local processes, Alloy's {@code discovery.process}.
 *
 * @since 0.1.0
 */
@Component("discovery-process")
public final class DiscoveryProcessComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("discovery-process: a name is required, as in discovery-process:all");
        }
        DiscoveryProcessEndpoint endpoint = new DiscoveryProcessEndpoint(uri, this, remaining);
        // strict: Camel's own conversion turns "abc" or "-1s" into 0
        String interval = getAndRemoveParameter(parameters, "refreshInterval", String.class);
        if (interval != null) {
            try {
                endpoint.setRefreshInterval(Durations.parse("refreshInterval", interval).toMillis());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("discovery-process:" + remaining + ": " + e.getMessage());
            }
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
