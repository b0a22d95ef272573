package io.pyrocamel.processors.pyroscopeenrich;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.processors.support.InlineTargets;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies labels of the discovery target that matches a profile onto the profile. Alloy's {@code pyroscope.enrich}
 * (experimental upstream); the next route step is its {@code forward_to}.
 *
 * @since 0.1.0
 */
@ManagedResource(description = "pyroscope-enrich endpoint: targets, index and counts")
@UriEndpoint(firstVersion = "0.1.0", scheme = "pyroscope-enrich", title = "Pyroscope Enrich",
             syntax = "pyroscope-enrich:name", producerOnly = true,
             category = { Category.MONITORING, Category.TRANSFORMATION },
             headersClass = PyroscopeEnrichConstants.class)
public class PyroscopeEnrichEndpoint extends DefaultEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeEnrichEndpoint.class);

    @UriPath(description = "The name of this enrich step (Alloy: the label of pyroscope.enrich \"NAME\").")
    @Metadata(required = true)
    private String name;

    @UriParam(description = "The label of the targets to match on, e.g. pod_ip (Alloy: target_match_label).")
    @Metadata(required = true)
    private String targetMatchLabel;

    @UriParam(description = "The label of the profiles to match on; default: targetMatchLabel (Alloy:"
                            + " profiles_match_label).")
    private String profilesMatchLabel;

    @UriParam(description = "Comma-separated labels to copy from the matching target; empty = copy all of the"
                            + " target's labels (including __meta_* and __address__), overwriting the profile's"
                            + " (Alloy: labels_to_copy).")
    private String labelsToCopy;

    @UriParam(description = "The name of a target set to take the targets from (published by to: targets:NAME,"
                            + " e.g. from a discovery-relabel step), followed live (Alloy: targets ="
                            + " discovery.relabel.NAME.output). With targets too, both are used; a target of the set"
                            + " wins over an inline one with the same match value.")
    private String targetSet;

    @UriParam(description = "Static targets, inline: a YAML or JSON list of label maps, e.g."
                            + " [{\"pod_ip\": \"10.0.0.1\", \"namespace\": \"shop\"}] (Alloy: targets). In a URI wrap it"
                            + " in RAW(...). Replaced at run time with the JMX operation updateTargets.")
    private String targets;

    private volatile EnrichSettings settings;
    private volatile List<Target> inlineTargets = List.of();
    private volatile TargetSet currentSet;
    private volatile EnrichIndex index = EnrichIndex.EMPTY;
    private AutoCloseable subscription;

    final LongAdder matched = new LongAdder();
    final LongAdder unmatched = new LongAdder();

    public PyroscopeEnrichEndpoint(String uri, PyroscopeEnrichComponent component) {
        super(uri, component);
    }

    @Override
    public PyroscopeEnrichComponent getComponent() {
        return (PyroscopeEnrichComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new PyroscopeEnrichProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getEndpointUri()
                + ": pyroscope-enrich is a route step (producer only); use it in to:, not from:");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String where = getEndpointUri();
        if (targetMatchLabel == null || targetMatchLabel.isBlank()) {
            throw new IllegalArgumentException(where + ": option targetMatchLabel is required (Alloy:"
                                               + " target_match_label)");
        }
        checkName(where, "targetMatchLabel", targetMatchLabel);
        String profilesLabel = profilesMatchLabel == null || profilesMatchLabel.isBlank()
                ? targetMatchLabel : profilesMatchLabel.trim();
        checkName(where, "profilesMatchLabel", profilesLabel);
        List<String> copy = new ArrayList<>();
        if (labelsToCopy != null) {
            for (String s : labelsToCopy.split(",")) {
                String n = s.trim();
                if (!n.isEmpty()) {
                    checkName(where, "labelsToCopy", n);
                    copy.add(n);
                }
            }
        }
        settings = new EnrichSettings(targetMatchLabel.trim(), profilesLabel, List.copyOf(copy));
        try {
            inlineTargets = InlineTargets.parse(targets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": option targets: " + e.getMessage(), e);
        }
        rebuild();
    }

    private static void checkName(String where, String option, String label) {
        if (!LabelNames.isValidName(label)) {
            throw new IllegalArgumentException(where + ": option " + option + ": \"" + label
                                               + "\" is not a valid label name ([A-Za-z0-9_.]+)");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (targetSet != null && !targetSet.isBlank()) {
            subscription = TargetSetRegistry.of(getCamelContext()).subscribe(targetSet.trim(), this::onTargetSet);
        }
        LOG.debug("Started {}: {} inline targets, target set {}, index of {} values", getEndpointUri(),
                inlineTargets.size(), targetSet, index.size());
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        currentSet = null;
        super.doStop();
    }

    private void onTargetSet(TargetSet set) {
        currentSet = set;
        rebuild();
        LOG.debug("{}: target set {} version {} ({} targets), index of {} values", name, set.name(), set.version(),
                set.size(), index.size());
    }

    private synchronized void rebuild() {
        TargetSet set = currentSet;
        index = EnrichIndex.build(settings.targetMatchLabel(), inlineTargets, set == null ? List.of() : set.targets());
    }

    EnrichSettings settings() {
        return settings;
    }

    EnrichIndex index() {
        return index;
    }

    // ---- JMX ----

    @ManagedOperation(description = "Replace the inline targets (a YAML or JSON list of label maps)")
    public void updateTargets(String targetsText) {
        List<Target> parsed;
        try {
            parsed = InlineTargets.parse(targetsText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(getEndpointUri() + ": targets: " + e.getMessage(), e);
        }
        synchronized (this) {
            inlineTargets = parsed;
            rebuild();
        }
    }

    @ManagedAttribute(description = "Targets the index was built from (inline + target set)")
    public int getTargetCount() {
        return index.targetCount();
    }

    @ManagedAttribute(description = "Distinct match values in the index")
    public int getIndexSize() {
        return index.size();
    }

    @ManagedAttribute(description = "Version of the target set in use (0 = none yet)")
    public long getTargetSetVersion() {
        TargetSet s = currentSet;
        return s == null ? 0 : s.version();
    }

    @ManagedAttribute(description = "Profiles that matched a target")
    public long getProfilesMatched() {
        return matched.sum();
    }

    @ManagedAttribute(description = "Profiles that matched no target (passed unchanged)")
    public long getProfilesUnmatched() {
        return unmatched.sum();
    }

    // ---- options ----

    @ManagedAttribute(description = "The name of this enrich step")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @ManagedAttribute(description = "Label of the targets to match on")
    public String getTargetMatchLabel() {
        return targetMatchLabel;
    }

    public void setTargetMatchLabel(String targetMatchLabel) {
        this.targetMatchLabel = targetMatchLabel;
    }

    @ManagedAttribute(description = "Label of the profiles to match on")
    public String getProfilesMatchLabel() {
        return profilesMatchLabel;
    }

    public void setProfilesMatchLabel(String profilesMatchLabel) {
        this.profilesMatchLabel = profilesMatchLabel;
    }

    @ManagedAttribute(description = "Labels to copy (empty = all)")
    public String getLabelsToCopy() {
        return labelsToCopy;
    }

    public void setLabelsToCopy(String labelsToCopy) {
        this.labelsToCopy = labelsToCopy;
    }

    @ManagedAttribute(description = "Name of the target set followed")
    public String getTargetSet() {
        return targetSet;
    }

    public void setTargetSet(String targetSet) {
        this.targetSet = targetSet;
    }

    public String getTargets() {
        return targets;
    }

    public void setTargets(String targets) {
        this.targets = targets;
    }
}
