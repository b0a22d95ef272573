package io.pyrocamel.discovery.kubernetes;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.pyrocamel.core.Durations;
import io.pyrocamel.core.http.SecretMasking;

/**
 * {@code discovery-kubernetes:NAME}: Kubernetes objects as targets, Alloy's {@code discovery.kubernetes}.
 *
 * @since 0.1.0
 */
@Component("discovery-kubernetes")
public final class DiscoveryKubernetesComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("discovery-kubernetes: a name is required, as in"
                                               + " discovery-kubernetes:pods");
        }
        // the URI Camel shows (JMX, Hawtio, logs) must not carry tlsKeyPem, bearerToken, basicAuthPassword or proxyUrl
        DiscoveryKubernetesEndpoint endpoint = new DiscoveryKubernetesEndpoint(SecretMasking.mask(uri), this,
                remaining);
        String debounce = getAndRemoveParameter(parameters, "debounce", String.class);
        if (debounce != null) {
            try {
                endpoint.setDebounce(Durations.parse("debounce", debounce).toMillis());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("discovery-kubernetes:" + remaining + ": " + e.getMessage());
            }
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
