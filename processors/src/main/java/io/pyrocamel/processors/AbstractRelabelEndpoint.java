package io.pyrocamel.processors;

import io.pyrocamel.processors.relabel.RelabelRules;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code pyroscope-relabel} and {@code discovery-relabel} share: where the rules come from ({@code rules},
 * {@code rulesFile}, {@code relabelRules}, {@code rulesFrom}), validation at start-up, atomic replacement at run time
 * (JMX {@code updateRules}, {@code reloadRulesFile}) and the export of the rules in force ({@code getRules}).
 *
 * @since 0.1.0
 */
public abstract class AbstractRelabelEndpoint extends DefaultEndpoint implements RelabelRulesEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractRelabelEndpoint.class);

    @UriParam(description = "The relabel rules, inline: a YAML or JSON list of rules with the fields of Alloy's rule"
                            + " block in camelCase (sourceLabels, separator, regex, modulus, targetLabel, replacement,"
                            + " action; snake_case source_labels/target_label also accepted). In a URI wrap it in"
                            + " RAW(...). Alloy: rule blocks. None of rules, rulesFile, relabelRules, rulesFrom = no"
                            + " rules (everything passes unchanged).")
    private String rules;

    @UriParam(description = "A file with the relabel rules (a YAML or JSON list, as for rules), read and validated at"
                            + " start-up. A plain path is a file relative to the working directory; classpath: and"
                            + " file: prefixes are honoured. Re-read with the JMX operation reloadRulesFile.")
    private String rulesFile;

    @UriParam(label = "advanced",
              description = "The relabel rules as a bean of type io.pyrocamel.processors.relabel.RelabelRules"
                            + " (#bean:name), for Java users.")
    private RelabelRules relabelRules;

    @UriParam(label = "advanced",
              description = "Use the rules of another relabel endpoint of this CamelContext, given as <scheme>:<name>"
                            + " (e.g. discovery-relabel:pods); followed live when that endpoint's rules change (Alloy:"
                            + " the exported rules of a component).")
    private String rulesFrom;

    private volatile RelabelRules current;
    private volatile RelabelRulesEndpoint rulesSource;

    protected AbstractRelabelEndpoint(String uri, Component component) {
        super(uri, component);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getEndpointUri() + ": " + getScheme()
                + " is a route step (producer only); use it in to:, not from:");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String where = getEndpointUri();
        RulesOptions.checkOneSource(where, rules, rulesFile, relabelRules, rulesFrom);
        if (!isRulesFromOtherEndpoint()) {
            RelabelRules r;
            if (relabelRules != null) {
                r = relabelRules;
            } else if (rulesFile != null && !rulesFile.isBlank()) {
                r = RulesOptions.loadFile(getCamelContext(), where, rulesFile);
            } else {
                r = RulesOptions.parseInline(where, rules);
            }
            replaceRules(r);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (isRulesFromOtherEndpoint()) {
            rulesSource = RulesOptions.findRulesSource(getCamelContext(), this, rulesFrom);
            replaceRules(rulesSource.getRelabelRules());
        }
    }

    @Override
    protected void doStop() throws Exception {
        rulesSource = null;
        super.doStop();
    }

    /** Installs new rules (validated already); subclasses rebuild what depends on them. */
    private synchronized void replaceRules(RelabelRules newRules) {
        RelabelRules old = current;
        onRulesChanged(newRules);
        current = newRules;
        if (old != null) {
            LOG.debug("{}: rules replaced ({} -> {} rules)", getEndpointUri(), old.size(), newRules.size());
        }
    }

    /**
     * Called (under a lock) before new rules take effect: at start-up, on {@code updateRules}, {@code reloadRulesFile},
     * and when the {@code rulesFrom} endpoint's rules change.
     */
    protected abstract void onRulesChanged(RelabelRules newRules);

    /**
     * The rules to use for the next message: the current rules, after catching up with the {@code rulesFrom}
     * endpoint. Cheap (two volatile reads and an identity check).
     */
    protected RelabelRules currentRules() {
        RelabelRulesEndpoint src = rulesSource;
        if (src != null) {
            RelabelRules upstream = src.getRelabelRules();
            if (upstream != current) {
                synchronized (this) {
                    if (upstream != current) {
                        replaceRules(upstream);
                    }
                }
            }
        }
        return current;
    }

    // ---- JMX ----

    /**
     * Replaces the rules at run time: parsed and validated first (an invalid list changes nothing and the error names
     * the rule and field), then swapped atomically. Messages in flight finish with the rules they started with.
     */
    @ManagedOperation(description = "Replace the relabel rules (a YAML or JSON list)")
    public void updateRules(String rulesText) {
        if (isRulesFromOtherEndpoint()) {
            throw new IllegalStateException(getEndpointUri() + " takes its rules from " + rulesFrom
                                            + "; update them there");
        }
        replaceRules(RulesOptions.parseInline(getEndpointUri(), rulesText));
    }

    @ManagedOperation(description = "Re-read rulesFile and use its rules (an invalid file changes nothing)")
    public void reloadRulesFile() {
        if (rulesFile == null || rulesFile.isBlank()) {
            throw new IllegalStateException(getEndpointUri() + " has no rulesFile");
        }
        replaceRules(RulesOptions.loadFile(getCamelContext(), getEndpointUri(), rulesFile));
    }

    /**
     * The rules in force as a JSON list (Alloy's exported {@code rules}); before start-up, the {@code rules} option as
     * given.
     */
    @ManagedAttribute(description = "The rules in force, as a JSON list (Alloy's exported rules)")
    public String getRules() {
        RelabelRules r = getRelabelRules();
        return r == null ? rules : r.toJson();
    }

    @ManagedAttribute(description = "Number of rules in force")
    public int getRuleCount() {
        RelabelRules r = getRelabelRules();
        return r == null ? 0 : r.size();
    }

    // ---- RelabelRulesEndpoint ----

    @Override
    public RelabelRules getRelabelRules() {
        if (current == null) {
            return relabelRules;
        }
        return currentRules();
    }

    @Override
    public boolean isRulesFromOtherEndpoint() {
        return rulesFrom != null && !rulesFrom.isBlank();
    }

    // ---- options ----

    public void setRules(String rules) {
        this.rules = rules;
    }

    @ManagedAttribute(description = "The rules file, if any")
    public String getRulesFile() {
        return rulesFile;
    }

    public void setRulesFile(String rulesFile) {
        this.rulesFile = rulesFile;
    }

    public void setRelabelRules(RelabelRules relabelRules) {
        this.relabelRules = relabelRules;
    }

    @ManagedAttribute(description = "The endpoint the rules come from, if any")
    public String getRulesFrom() {
        return rulesFrom;
    }

    public void setRulesFrom(String rulesFrom) {
        this.rulesFrom = rulesFrom;
    }
}
