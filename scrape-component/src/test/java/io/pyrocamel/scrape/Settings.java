package io.pyrocamel.scrape;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Builds endpoint settings from URI options, as a route would, for the unit tests. */
final class Settings {

    private Settings() {
    }

    /** The settings of {@code pyroscope-scrape:NAME?query}; throws the root cause of a configuration error. */
    static ScrapeSettings of(String name, String query) throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.start();
            PyroscopeScrapeEndpoint e;
            try {
                e = ctx.getEndpoint("pyroscope-scrape:" + name + (query.isEmpty() ? "" : "?" + query),
                        PyroscopeScrapeEndpoint.class);
                e.init();
            } catch (RuntimeException ex) {
                Throwable t = ex;
                while (t.getCause() != null && t.getCause() != t) {
                    t = t.getCause();
                }
                if (t instanceof Exception root) {
                    throw root;
                }
                throw ex;
            }
            return e.getSettings();
        }
    }

    static ScrapeSettings of(String query) throws Exception {
        return of("test", query);
    }
}
