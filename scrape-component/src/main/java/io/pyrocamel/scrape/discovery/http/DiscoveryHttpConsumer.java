package io.pyrocamel.scrape.discovery.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.util.concurrent.CamelThreadFactory;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.http.HttpClientSettings;
import io.pyrocamel.core.http.HttpResponseData;
import io.pyrocamel.core.http.PyroHttpClient;
import io.pyrocamel.scrape.support.DiscoveryConsumerSupport;
import io.pyrocamel.scrape.support.Meters;
import io.pyrocamel.scrape.support.TargetGroups;

/**
 * Polls the http_sd URL: {@code GET} with {@code Accept: application/json} and
 * {@code X-Prometheus-Refresh-Interval-Seconds}, through the shared HTTP client (auth, TLS, proxy); the answer must
 * be {@code 200} with {@code Content-Type: application/json} (optionally {@code ; charset=utf-8}) and a JSON list of
 * target groups. Each target carries {@code __meta_url}. A failed poll keeps the last list, counts
 * {@code prometheus_sd_http_failures_total} and logs at WARN when the error starts or changes.
 *
 * @since 0.1.0
 */
@ManagedResource(description = "discovery-http consumer: the current target list")
public class DiscoveryHttpConsumer extends DiscoveryConsumerSupport {

    static final String META_URL = "__meta_url";
    static final String FAILURES = "prometheus_sd_http_failures";
    /** Largest answer read. */
    static final int MAX_BODY = 64 << 20;
    private static final Pattern JSON = Pattern.compile("^(?i:application/json(;\\s*charset=(\"utf-8\"|utf-8))?)$");

    private ScheduledExecutorService scheduler;
    private PyroHttpClient client;
    private Counter failureCounter;
    private MeterRegistry registry;

    public DiscoveryHttpConsumer(DiscoveryHttpEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public DiscoveryHttpEndpoint getEndpoint() {
        return (DiscoveryHttpEndpoint) super.getEndpoint();
    }

    @Override
    protected String describe() {
        return "discovery-http:" + getEndpoint().getName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        DiscoveryHttpEndpoint e = getEndpoint();
        var manager = e.getCamelContext().getExecutorServiceManager();
        scheduler = manager.newSingleThreadScheduledExecutor(this, describe());
        HttpClientSettings http = e.getHttp().resolveSslContext(e.settings(), e.getCamelContext());
        client = PyroHttpClient.create(http, new PyroHttpClient.Options(describe(),
                new CamelThreadFactory(manager.getThreadNamePattern(), describe() + "-io", true), scheduler, 2,
                e.getHttp().getIoThreads(), Duration.ofMillis(e.getRefreshInterval()),
                e.getHttp().getDnsResolver()));
        client.start();
        registry = Meters.find(e.getCamelContext());
        if (registry != null) {
            failureCounter = Counter.builder(FAILURES).description("Number of HTTP-SD refresh failures.")
                    .tag("component_id", "discovery.http." + e.getName()).register(registry);
        }
        scheduler.execute(this::refresh);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        if (scheduler != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (registry != null && failureCounter != null) {
            registry.remove(failureCounter);
        }
        failureCounter = null;
        super.doStop();
    }

    private void refresh() {
        DiscoveryHttpEndpoint e = getEndpoint();
        long interval = e.getRefreshInterval();
        long start = System.nanoTime();
        String seconds = refreshSeconds(interval);
        PyroHttpClient c = client;
        if (c == null || !isRunAllowed()) {
            return;
        }
        PyroHttpClient.Request request = new PyroHttpClient.Request("GET", e.uri(), List.of(
                Map.entry("User-Agent", userAgent()),
                Map.entry("Accept", "application/json"),
                Map.entry("X-Prometheus-Refresh-Interval-Seconds", seconds)), null, null, MAX_BODY);
        c.send(request, Duration.ofMillis(interval)).whenComplete((r, err) -> {
            try {
                scheduler.execute(() -> {
                    try {
                        handle(r, err);
                    } finally {
                        scheduleNext(start, interval);
                    }
                });
            } catch (RejectedExecutionException | NullPointerException ex) {
                // stopping
            }
        });
    }

    private void scheduleNext(long start, long intervalMillis) {
        ScheduledExecutorService s = scheduler;
        if (s == null || !isRunAllowed()) {
            return;
        }
        long wait = Math.max(0, start + TimeUnit.MILLISECONDS.toNanos(intervalMillis) - System.nanoTime());
        try {
            s.schedule(this::refresh, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void handle(HttpResponseData r, Throwable err) {
        if (!isRunAllowed()) {
            return;
        }
        String url = getEndpoint().uri().toString();
        String error = null;
        List<Target> targets = null;
        if (err != null) {
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            error = cause instanceof TimeoutException ? "Get \"" + url + "\": context deadline exceeded"
                    : "Get \"" + url + "\": " + cause;
        } else if (r.status() != 200) {
            error = "server returned HTTP status " + r.status() + (r.reason().isEmpty() ? "" : " " + r.reason());
        } else if (r.header("Content-Type") == null || !JSON.matcher(r.header("Content-Type").strip()).matches()) {
            error = "unsupported content type \"" + (r.header("Content-Type") == null ? "" : r.header("Content-Type"))
                    + "\"";
        } else if (r.truncated()) {
            error = "answer larger than " + MAX_BODY + " bytes";
        } else {
            try {
                targets = TargetGroups.parse(r.bodyText(), false, META_URL, url);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            if (failureCounter != null) {
                failureCounter.increment();
            }
            failed(error);
        } else {
            refreshed(targets);
        }
    }

    /** Go's {@code strconv.FormatFloat(seconds, 'f', -1, 64)}: 60, 15, 0.5. */
    static String refreshSeconds(long millis) {
        if (millis % 1000 == 0) {
            return Long.toString(millis / 1000);
        }
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    static String userAgent() {
        String version = DiscoveryHttpConsumer.class.getPackage().getImplementationVersion();
        return "pyrocamel/" + (version == null ? "0.1.0" : version);
    }
}
