package io.pyrocamel.write;

import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.Durations;
import io.pyrocamel.core.http.SecretMasking;

/**
 * {@code pyroscope-write}: Grafana Alloy's {@code pyroscope.write} as a Camel component. One endpoint = one Alloy
 * {@code endpoint} block.
 */
@Component("pyroscope-write")
public class PyroscopeWriteComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeWriteComponent.class);

    /** Name under which the application binds its Prometheus registry (camel-micrometer's convention). */
    public static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    static {
        // Camel's sanitizer knows password/token/secret names, not these; it applies extra keywords to the first
        // match only (Camel 4.18), so the endpoint URI itself is masked by SecretMasking; this covers route labels
        URISupport.addSanitizeKeywords("keyPem,credentials,httpHeaders,proxyConnectHeader");
    }

    @Metadata(label = "advanced", autowired = true,
              description = "The Micrometer registry for the pyroscope_write_* metrics. By default the bean named"
                            + " metricsRegistry, else the only MeterRegistry in the registry, else a private one.")
    private MeterRegistry meterRegistry;

    private MeterRegistry privateRegistry;

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    /** The Micrometer registry for the pyroscope_write_* metrics. */
    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PyroscopeWriteConfiguration config = new PyroscopeWriteConfiguration();
        PyroscopeWriteEndpoint endpoint = new PyroscopeWriteEndpoint(SecretMasking.mask(uri), this, remaining, config);
        // maps with Camel's multi-value prefix: headers.X=..., externalLabels.env=...
        config.setHeaders(PropertiesHelper.extractProperties(parameters, "headers."));
        config.setExternalLabels(PropertiesHelper.extractProperties(parameters, "externalLabels."));
        endpoint.getHttp().takeMaps(parameters);
        // Camel's generic conversion turns "banana" or "-1s" into 0: parse durations strictly first
        Durations.parseStrictly(parameters, "remoteTimeout", "minBackoffPeriod", "maxBackoffPeriod");
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The registry the endpoints use: configured, bean {@code metricsRegistry}, the only one, or a private one. */
    synchronized MeterRegistry resolveMeterRegistry() {
        if (meterRegistry != null) {
            return meterRegistry;
        }
        MeterRegistry r = getCamelContext().getRegistry().lookupByNameAndType(METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        if (r == null) {
            Set<MeterRegistry> all = getCamelContext().getRegistry().findByType(MeterRegistry.class);
            if (all.size() == 1) {
                r = all.iterator().next();
            }
        }
        if (r != null) {
            meterRegistry = r;
            return r;
        }
        if (privateRegistry == null) {
            LOG.info("No MeterRegistry bean found (by name {} or type): pyroscope-write metrics are kept in a private"
                     + " registry", METRICS_REGISTRY_NAME);
            privateRegistry = new SimpleMeterRegistry();
        }
        return privateRegistry;
    }
}
