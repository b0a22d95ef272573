package io.pyrocamel.discovery;

import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The base of the discovery endpoints: a name, consumer only.
 *
 * @since 0.1.0
 */
public abstract class AbstractDiscoveryEndpoint extends DefaultEndpoint {

    @UriPath(description = "The name of this discovery (Alloy: the component label, as in discovery.process \"NAME\")."
                           + " Names its thread, its log lines, the component_id of its metrics and the target set"
                           + " it emits.")
    @Metadata(required = true)
    private String name;

    protected AbstractDiscoveryEndpoint(String uri, Component component, String name) {
        super(uri, component);
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The mechanism: {@code process}, {@code kubernetes} or {@code docker}. */
    public abstract String mechanism();

    /** The scheme and name, as in log lines and errors: {@code discovery-process:all}. */
    public String displayName() {
        return "discovery-" + mechanism() + ":" + name;
    }

    /** The Alloy component id, the {@code component_id} tag of the metrics: {@code discovery.process.all}. */
    public String componentId() {
        return "discovery." + mechanism() + "." + name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(displayName() + " is a consumer only: use it in from:, and publish"
                                                + " its targets with to: targets:NAME");
    }

    @Override
    public boolean isRemote() {
        return false;
    }
}
