package io.pyrocamel.scrape;

import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;

import io.pyrocamel.core.Durations;
import io.pyrocamel.core.http.SecretMasking;

/**
 * The {@code pyroscope-scrape} component: {@code from: pyroscope-scrape:NAME} is one Alloy {@code pyroscope.scrape}
 * component.
 *
 * @since 0.1.0
 */
@Component("pyroscope-scrape")
public class PyroscopeScrapeComponent extends DefaultComponent {

    /** Name under which the application binds its Prometheus registry (camel-micrometer's convention). */
    public static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    static final Set<String> DURATION_OPTIONS = Set.of("scrapeInterval", "scrapeTimeout", "deltaProfilingDuration",
            "targetSyncInterval");

    static {
        // Camel's sanitizer knows password/token/secret names, not these (error messages, route dumps)
        URISupport.addSanitizeKeywords("keyPem,credentials,httpHeaders,proxyConnectHeader");
    }

    @Metadata(label = "advanced", autowired = true,
              description = "The Micrometer registry for the scrape metrics. By default the bean named"
                            + " metricsRegistry, else the only MeterRegistry in the registry; none = no metrics.")
    private MeterRegistry meterRegistry;

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    /** The Micrometer registry for the scrape metrics. */
    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("pyroscope-scrape: a name is required, as in pyroscope-scrape:NAME");
        }
        PyroscopeScrapeEndpoint endpoint = new PyroscopeScrapeEndpoint(SecretMasking.mask(uri), this, remaining);
        PyroscopeScrapeConfiguration c = endpoint.getConfiguration();
        c.setParams(PropertiesHelper.extractProperties(parameters, "params."));
        endpoint.getHttp().takeMaps(parameters);
        // durations parsed strictly here: Camel's own conversion turns "abc" or "-1s" into 0
        for (String option : DURATION_OPTIONS) {
            String value = getAndRemoveParameter(parameters, option, String.class);
            if (value == null) {
                continue;
            }
            long millis;
            try {
                millis = Durations.parse(option, value).toMillis();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pyroscope-scrape:" + remaining + ": " + e.getMessage());
            }
            switch (option) {
                case "scrapeInterval" -> c.setScrapeInterval(millis);
                case "scrapeTimeout" -> c.setScrapeTimeout(millis);
                case "deltaProfilingDuration" -> c.setDeltaProfilingDuration(millis);
                default -> c.setTargetSyncInterval(millis);
            }
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The registry for metrics: configured, bean {@code metricsRegistry}, the only one, or {@code null}. */
    MeterRegistry resolveMeterRegistry() {
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
        return r;
    }
}
