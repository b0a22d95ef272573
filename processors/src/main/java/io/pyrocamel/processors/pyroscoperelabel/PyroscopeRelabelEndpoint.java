package io.pyrocamel.processors.pyroscoperelabel;

import io.pyrocamel.processors.AbstractRelabelEndpoint;
import io.pyrocamel.processors.relabel.CachingRelabeler;
import io.pyrocamel.processors.relabel.RelabelRules;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the labels of the profile in the body with relabel rules, and drops it (stops the exchange) when a rule
 * drops it or no label remains. Alloy's {@code pyroscope.relabel}; the next route step is its {@code forward_to}.
 *
 * @since 0.1.0
 */
@ManagedResource(description = "pyroscope-relabel endpoint: rules, cache and counts")
@UriEndpoint(firstVersion = "0.1.0", scheme = "pyroscope-relabel", title = "Pyroscope Relabel",
             syntax = "pyroscope-relabel:name", producerOnly = true,
             category = { Category.MONITORING, Category.TRANSFORMATION },
             headersClass = PyroscopeRelabelConstants.class)
public class PyroscopeRelabelEndpoint extends AbstractRelabelEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeRelabelEndpoint.class);

    @UriPath(description = "The name of this relabel step (Alloy: the label of pyroscope.relabel \"NAME\"); the"
                           + " metrics carry it as component_id, so give each step its own name.")
    @Metadata(required = true)
    private String name;

    @UriParam(defaultValue = "" + PyroscopeRelabelConstants.DEFAULT_MAX_CACHE_SIZE,
              description = "Maximum number of entries in the cache from input label set to result (Alloy:"
                            + " max_cache_size). 0 disables the cache.")
    private int maxCacheSize = PyroscopeRelabelConstants.DEFAULT_MAX_CACHE_SIZE;

    private final RelabelMetrics metrics = new RelabelMetrics();
    /** The cache of the rules in force; replaced (= purged) on every rule change. */
    private volatile CachingRelabeler relabeler;

    public PyroscopeRelabelEndpoint(String uri, PyroscopeRelabelComponent component) {
        super(uri, component);
    }

    @Override
    public PyroscopeRelabelComponent getComponent() {
        return (PyroscopeRelabelComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new PyroscopeRelabelProducer(this);
    }

    @Override
    protected void doInit() throws Exception {
        if (maxCacheSize < 0) {
            throw new IllegalArgumentException(getEndpointUri() + ": option maxCacheSize must be >= 0 (0 = no cache),"
                                               + " was " + maxCacheSize);
        }
        super.doInit();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        var registry = getComponent().resolveMeterRegistry();
        if (registry != null) {
            metrics.bind(registry, RelabelMetrics.componentId(name), getComponent().isUpstreamMetricNames(),
                    this::getCacheSize);
        }
        LOG.debug("Started {}: {} rules, maxCacheSize {}, metrics {}", getEndpointUri(), getRuleCount(), maxCacheSize,
                registry == null ? "off (no MeterRegistry)" : "on");
    }

    @Override
    protected void doStop() throws Exception {
        metrics.unbind();
        super.doStop();
    }

    @Override
    protected void onRulesChanged(RelabelRules newRules) {
        relabeler = new CachingRelabeler(newRules, maxCacheSize, metrics.cacheHits, metrics.cacheMisses);
    }

    /** The relabeler (rules + cache) for the next profile. */
    CachingRelabeler relabeler() {
        currentRules(); // catches up with rulesFrom
        // a CachingRelabeler carries its own rules, so rules and cache always match
        return relabeler;
    }

    RelabelMetrics metrics() {
        return metrics;
    }

    @Override
    public String getScheme() {
        return "pyroscope-relabel";
    }

    // ---- JMX ----

    @ManagedAttribute(description = "Entries in the relabel cache (pyroscope_relabel_cache_size)")
    public long getCacheSize() {
        CachingRelabeler r = relabeler;
        return r == null ? 0 : r.size();
    }

    @ManagedAttribute(description = "pyroscope_relabel_profiles_processed")
    public long getProfilesProcessed() {
        return metrics.processed.sum();
    }

    @ManagedAttribute(description = "pyroscope_relabel_profiles_written")
    public long getProfilesWritten() {
        return metrics.written.sum();
    }

    @ManagedAttribute(description = "pyroscope_relabel_profiles_dropped")
    public long getProfilesDropped() {
        return metrics.dropped.sum();
    }

    @ManagedAttribute(description = "pyroscope_relabel_cache_hits")
    public long getCacheHits() {
        return metrics.cacheHits.sum();
    }

    @ManagedAttribute(description = "pyroscope_relabel_cache_misses")
    public long getCacheMisses() {
        return metrics.cacheMisses.sum();
    }

    // ---- options ----

    @Override
    @ManagedAttribute(description = "The name of this relabel step")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @ManagedAttribute(description = "Maximum entries in the relabel cache")
    public int getMaxCacheSize() {
        return maxCacheSize;
    }

    public void setMaxCacheSize(int maxCacheSize) {
        this.maxCacheSize = maxCacheSize;
    }
}
