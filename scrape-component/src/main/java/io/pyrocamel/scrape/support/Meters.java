package io.pyrocamel.scrape.support;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Finds the Micrometer registry metrics go to: the bean named {@code metricsRegistry} (camel-micrometer's name), else
 * the only {@link MeterRegistry} in the Camel registry, else none.
 *
 * @since 0.1.0
 */
public final class Meters {

    public static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    private Meters() {
    }

    public static MeterRegistry find(CamelContext context) {
        MeterRegistry r = context.getRegistry().lookupByNameAndType(METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (r == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            if (all.size() == 1) {
                r = all.iterator().next();
            }
        }
        return r;
    }
}
