package io.pyrocamel.scrape;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The health of a {@code pyroscope-scrape} consumer: UP while it runs, whatever the targets do (Alloy reports
 * {@code pyroscope.scrape} unhealthy only for an invalid configuration, which here fails start-up). The details count
 * the scrape jobs up, down and not yet scraped, and the targets that cannot be scraped.
 *
 * @since 0.1.0
 */
final class ScrapeHealthCheck implements HealthCheck {

    private final PyroscopeScrapeConsumer consumer;
    private boolean enabled = true;

    ScrapeHealthCheck(PyroscopeScrapeConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getGroup() {
        return "pyroscope-scrape";
    }

    @Override
    public String getId() {
        return "pyroscope-scrape:" + consumer.getEndpoint().getName();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder b = HealthCheckResultBuilder.on(this);
        b.detail("jobs", consumer.getActiveJobs());
        b.detail("jobs.up", consumer.getJobsUp());
        b.detail("jobs.down", consumer.getJobsDown());
        b.detail("jobs.unknown", consumer.getJobsUnknown());
        b.detail("targets.invalid", consumer.invalidTargets().size());
        if (consumer.isRunAllowed() && consumer.isStarted()) {
            return b.up().build();
        }
        return b.message("not running").down().build();
    }
}
