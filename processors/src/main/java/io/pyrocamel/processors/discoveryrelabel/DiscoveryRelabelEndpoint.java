package io.pyrocamel.processors.discoveryrelabel;

import java.util.concurrent.atomic.LongAdder;

import io.pyrocamel.processors.AbstractRelabelEndpoint;
import io.pyrocamel.processors.relabel.RelabelRules;
import io.pyrocamel.processors.relabel.Relabeler;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;

/**
 * Relabels every target of the target list in the body; targets dropped by a rule, or left with no label, are
 * removed. Alloy's {@code discovery.relabel}: the body that comes out is its {@code output}, {@link #getRules()} its
 * exported {@code rules}.
 *
 * @since 0.1.0
 */
@ManagedResource(description = "discovery-relabel endpoint: rules and counts")
@UriEndpoint(firstVersion = "0.1.0", scheme = "discovery-relabel", title = "Discovery Relabel",
             syntax = "discovery-relabel:name", producerOnly = true,
             category = { Category.MONITORING, Category.TRANSFORMATION },
             headersClass = DiscoveryRelabelConstants.class)
public class DiscoveryRelabelEndpoint extends AbstractRelabelEndpoint {

    @UriPath(description = "The name of this relabel step (Alloy: the label of discovery.relabel \"NAME\"); other"
                           + " relabel steps refer to its rules as rulesFrom=discovery-relabel:NAME.")
    @Metadata(required = true)
    private String name;

    private volatile Relabeler relabeler;
    final LongAdder lists = new LongAdder();
    final LongAdder targetsDropped = new LongAdder();
    volatile int lastTargetsIn;
    volatile int lastTargetsOut;

    public DiscoveryRelabelEndpoint(String uri, DiscoveryRelabelComponent component) {
        super(uri, component);
    }

    @Override
    public DiscoveryRelabelComponent getComponent() {
        return (DiscoveryRelabelComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new DiscoveryRelabelProducer(this);
    }

    @Override
    protected void onRulesChanged(RelabelRules newRules) {
        relabeler = new Relabeler(newRules);
    }

    Relabeler relabeler() {
        currentRules();
        return relabeler;
    }

    @Override
    public String getScheme() {
        return "discovery-relabel";
    }

    @ManagedAttribute(description = "Target lists relabelled")
    public long getTargetListsProcessed() {
        return lists.sum();
    }

    @ManagedAttribute(description = "Targets removed in total (dropped by a rule or left without labels)")
    public long getTargetsDropped() {
        return targetsDropped.sum();
    }

    @ManagedAttribute(description = "Targets in the last list that came in")
    public int getLastTargetsIn() {
        return lastTargetsIn;
    }

    @ManagedAttribute(description = "Targets in the last list that went out (Alloy: output)")
    public int getLastTargetsOut() {
        return lastTargetsOut;
    }

    @Override
    @ManagedAttribute(description = "The name of this relabel step")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
