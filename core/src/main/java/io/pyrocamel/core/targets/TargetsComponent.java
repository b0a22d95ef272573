package io.pyrocamel.core.targets;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Named target sets: {@code to: targets:NAME} publishes the complete target list in the body; {@code from:
 * targets:NAME} emits the set whenever it changes. Profilers subscribe with their {@code targetSet=NAME} option.
 */
@Component("targets")
public class TargetsComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("targets: needs a set name, e.g. targets:pods");
        }
        TargetsEndpoint endpoint = new TargetsEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
