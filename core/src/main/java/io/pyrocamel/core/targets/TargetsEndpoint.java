package io.pyrocamel.core.targets;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.pyrocamel.core.TargetSetRegistry;

/**
 * A named target set (Alloy: the {@code targets} export of a discovery component, e.g.
 * {@code discovery.relabel.pods.output}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "targets", title = "Target Set", syntax = "targets:name",
             category = {Category.MONITORING}, headersClass = TargetsConstants.class)
public class TargetsEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of the target set; profilers subscribe with targetSet=NAME.")
    @Metadata(required = true)
    private final String name;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Emit the current set at start when one was already published.")
    private boolean emitCurrent = true;

    public TargetsEndpoint(String uri, TargetsComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public boolean isEmitCurrent() {
        return emitCurrent;
    }

    public void setEmitCurrent(boolean emitCurrent) {
        this.emitCurrent = emitCurrent;
    }

    TargetSetRegistry registry() {
        return TargetSetRegistry.of(getCamelContext());
    }

    @Override
    public Producer createProducer() {
        return new TargetsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TargetsConsumer consumer = new TargetsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public boolean isRemote() {
        return false;
    }
}
