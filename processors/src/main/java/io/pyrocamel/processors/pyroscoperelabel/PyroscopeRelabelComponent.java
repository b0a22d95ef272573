package io.pyrocamel.processors.pyroscoperelabel;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code pyroscope-relabel} component: Alloy's {@code pyroscope.relabel}.
 *
 * @since 0.1.0
 */
@Component("pyroscope-relabel")
public class PyroscopeRelabelComponent extends DefaultComponent {

    /** Name of the registry bean camel-micrometer binds; used when several MeterRegistry beans exist. */
    static final String CAMEL_METRICS_REGISTRY = "metricsRegistry";

    @Metadata(label = "advanced", autowired = true,
              description = "The Micrometer registry for the pyroscope_relabel_* metrics. Default: the single"
                            + " MeterRegistry bean of the registry, else the bean named metricsRegistry; none = no"
                            + " metrics (the counts are still on JMX).")
    private MeterRegistry meterRegistry;

    @Metadata(label = "advanced", defaultValue = "true",
              description = "Register the counters so that Prometheus shows Alloy's exact names"
                            + " (pyroscope_relabel_profiles_processed, as Micrometer gauges); false registers Micrometer"
                            + " counters, which the Prometheus registry exposes with a _total suffix.")
    private boolean upstreamMetricNames = true;

    public PyroscopeRelabelComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": a name is required: pyroscope-relabel:NAME");
        }
        PyroscopeRelabelEndpoint endpoint = new PyroscopeRelabelEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The registry to bind metrics to, or {@code null}. */
    MeterRegistry resolveMeterRegistry() {
        if (meterRegistry == null && getCamelContext() != null) {
            MeterRegistry r = CamelContextHelper.findSingleByType(getCamelContext(), MeterRegistry.class);
            if (r == null) {
                r = getCamelContext().getRegistry().lookupByNameAndType(CAMEL_METRICS_REGISTRY, MeterRegistry.class);
            }
            meterRegistry = r;
        }
        return meterRegistry;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public boolean isUpstreamMetricNames() {
        return upstreamMetricNames;
    }

    public void setUpstreamMetricNames(boolean upstreamMetricNames) {
        this.upstreamMetricNames = upstreamMetricNames;
    }
}
