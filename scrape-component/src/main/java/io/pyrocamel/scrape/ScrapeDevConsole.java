package io.pyrocamel.scrape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code pyroscope-scrape} dev console: every scrape job of every {@code pyroscope-scrape} route with its health,
 * last scrape, duration, last error and labels, Alloy's debug info of {@code pyroscope.scrape}. Shown by Camel's dev
 * console endpoint ({@code /q/dev/pyroscope-scrape}) and {@code camel get}/JBang tooling.
 *
 * @since 0.1.0
 */
@DevConsole(name = "pyroscope-scrape", displayName = "Pyroscope Scrape",
            description = "Scrape jobs of pyroscope-scrape endpoints: health, last scrape, last error, labels")
public class ScrapeDevConsole extends AbstractDevConsole {

    public ScrapeDevConsole() {
        super("pyrocamel", "pyroscope-scrape", "Pyroscope Scrape",
                "Scrape jobs of pyroscope-scrape endpoints: health, last scrape, last error, labels");
    }

    private List<Map.Entry<String, PyroscopeScrapeConsumer>> consumers() {
        List<Map.Entry<String, PyroscopeScrapeConsumer>> out = new ArrayList<>();
        for (Route r : getCamelContext().getRoutes()) {
            if (r.getConsumer() instanceof PyroscopeScrapeConsumer c) {
                out.add(Map.entry(r.getRouteId(), c));
            }
        }
        return out;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, PyroscopeScrapeConsumer> e : consumers()) {
            PyroscopeScrapeConsumer c = e.getValue();
            sb.append(String.format("Route %s: %s%n", e.getKey(), c.getEndpoint().getEndpointUri()));
            sb.append(String.format("    job=%s jobs=%d up=%d down=%d unknown=%d scrapes=%d failures=%d skipped=%d%n",
                    c.getJobName(), c.getActiveJobs(), c.getJobsUp(), c.getJobsDown(), c.getJobsUnknown(),
                    c.getScrapesTotal(), c.getFailuresTotal(), c.getSkippedTotal()));
            for (TargetStatus s : c.targetStatuses()) {
                sb.append(String.format("    %-5s %s  last=%s took=%sms%s%n        labels=%s%n", s.health(), s.url(),
                        s.lastScrape() == null ? "-" : s.lastScrape(),
                        s.lastScrapeDuration() == null ? "-" : s.lastScrapeDuration().toMillis(),
                        s.lastError() == null ? "" : "  error=" + s.lastError(), s.labels()));
            }
            c.invalidTargets().forEach((labels, error) -> sb.append(String.format("    invalid %s: %s%n", labels,
                    error)));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray scrapers = new JsonArray();
        for (Map.Entry<String, PyroscopeScrapeConsumer> e : consumers()) {
            PyroscopeScrapeConsumer c = e.getValue();
            JsonObject o = new JsonObject();
            o.put("routeId", e.getKey());
            o.put("endpointUri", c.getEndpoint().getEndpointUri());
            o.put("jobName", c.getJobName());
            o.put("targetSet", c.getTargetSet());
            o.put("targetSetVersion", c.getTargetSetVersion());
            o.put("scrapes", c.getScrapesTotal());
            o.put("failures", c.getFailuresTotal());
            o.put("skipped", c.getSkippedTotal());
            JsonArray jobs = new JsonArray();
            c.targetStatuses().forEach(s -> jobs.add(s.toJson()));
            o.put("targets", jobs);
            o.put("invalidTargets", new JsonObject(new LinkedHashMap<>(c.invalidTargets())));
            scrapers.add(o);
        }
        root.put("scrapers", scrapers);
        return root;
    }
}
