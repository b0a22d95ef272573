package io.pyrocamel.scrape;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;

/**
 * The debug state of one scrape job, Alloy's {@code TargetStatus}: what the debug page shows for a target × profile
 * type.
 *
 * @param jobName            the job name
 * @param url                the scrape URL
 * @param profileType        the {@code __name__} sent
 * @param health             {@code up}, {@code down} or {@code unknown} (not scraped yet)
 * @param labels             every label of the job (what the profile carries)
 * @param lastError          the error of the last scrape, or {@code null}
 * @param lastScrape         when the last scrape started, or {@code null}
 * @param lastScrapeDuration how long it took (fetch, checks, delta, route), or {@code null}
 * @param scrapes            scrapes finished
 * @param failures           scrapes failed
 * @param identity           the job identity (hex)
 * @since 0.1.0
 */
public record TargetStatus(String jobName, String url, String profileType, String health, Map<String, String> labels,
                           String lastError, Instant lastScrape, Duration lastScrapeDuration, long scrapes,
                           long failures, String identity) {

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.put("jobName", jobName);
        o.put("url", url);
        o.put("profileType", profileType);
        o.put("health", health);
        o.put("labels", new JsonObject(labels));
        o.put("lastError", lastError == null ? "" : lastError);
        o.put("lastScrape", lastScrape == null ? "" : lastScrape.toString());
        o.put("lastScrapeDurationMillis", lastScrapeDuration == null ? 0 : lastScrapeDuration.toMillis());
        o.put("scrapes", scrapes);
        o.put("failures", failures);
        o.put("identity", identity);
        return o;
    }
}
