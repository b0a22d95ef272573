package io.pyrocamel.scrape;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.core.http.HttpResponseData;
import io.pyrocamel.core.http.PyroHttpClient;
import io.pyrocamel.scrape.ScrapeMetrics.Reason;

/**
 * The loop of one scrape job (target × profile type), Alloy's {@code scrapeLoop}: a fixed-rate tick on the pool's
 * scheduler, first at a hash-derived phase of the interval; each tick starts a non-blocking GET (no thread waits on the
 * network), checks the response (SPEC.md §8.4), computes the client-side delta (§8.5) and runs the route. A loop never
 * has two scrapes at once: a tick that comes while the previous scrape (or its route) still runs is kept and run as
 * soon as it finishes, like a Go ticker's one buffered tick.
 *
 * <p>Health and errors are kept for the debug state. A failure is logged at WARN when the job goes down or fails for a
 * new reason, then at DEBUG until it recovers (logged at INFO).
 *
 * @since 0.1.0
 */
final class ScrapeLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ScrapeLoop.class);

    /** Error bodies of non-2xx answers kept in the error message. */
    static final int ERROR_BODY_PREVIEW = 512;

    enum Health {
        UNKNOWN, UP, DOWN;

        String text() {
            return this == UNKNOWN ? "unknown" : this == UP ? "up" : "down";
        }
    }

    final ScrapeJob job;
    private final ScrapePool pool;
    private final PprofDelta delta;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean pending;
    private volatile boolean stopped;
    private ScheduledFuture<?> schedule;
    /** The request in flight, cancelled by {@link #stop} so a gone target's long CPU profile request ends at once. */
    private volatile java.util.concurrent.CompletableFuture<HttpResponseData> inFlightRequest;

    // debug state, guarded by this
    private Health health = Health.UNKNOWN;
    private String lastError;
    private Reason lastReason;
    private Instant lastScrape;
    private Duration lastDuration;
    private long scrapes;
    private long failures;

    ScrapeLoop(ScrapeJob job, ScrapePool pool) {
        this.job = job;
        this.pool = pool;
        this.delta = job.clientDelta() ? PprofDelta.forType(job.profileType()) : null;
    }

    /** The delay until the first scrape: the point of the interval given by the job's hash (no thundering herd). */
    static long initialDelayMillis(long identity, long intervalMillis, long nowMillis) {
        long phase = Long.remainderUnsigned(identity, intervalMillis);
        return Math.floorMod(phase - nowMillis, intervalMillis);
    }

    void start() {
        long interval = pool.settings().scrapeInterval().toMillis();
        long first = initialDelayMillis(job.identity(), interval, System.currentTimeMillis());
        schedule = pool.scheduler().scheduleAtFixedRate(this::tick, first, interval, TimeUnit.MILLISECONDS);
        LOG.debug("pyroscope-scrape:{}: started loop for {} (first scrape in {} ms)", pool.name(), job.url(), first);
    }

    void stop() {
        stopped = true;
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
        java.util.concurrent.CompletableFuture<HttpResponseData> r = inFlightRequest;
        if (r != null) {
            r.cancel(true);
        }
    }

    boolean isStopped() {
        return stopped;
    }

    private void tick() {
        try {
            if (stopped) {
                return;
            }
            if (!busy.compareAndSet(false, true)) {
                pending = true;
                return;
            }
            scrape();
        } catch (Throwable t) { // keep the fixed-rate task alive
            busy.set(false);
            LOG.warn("pyroscope-scrape:{}: tick of {} failed: {}", pool.name(), job.url(), t.toString(), t);
        }
    }

    /** Starts one scrape; {@link #busy} is set. */
    void scrape() {
        if (!pool.inFlight().tryAcquire()) {
            pool.metrics().skipped.increment();
            LOG.debug("pyroscope-scrape:{}: skipped a scrape of {}: {} scrapes in flight", pool.name(), job.url(),
                    pool.settings().maxConcurrentScrapes());
            done();
            return;
        }
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        String scheme = job.labels().getOrEmpty(LabelNames.SCHEME);
        URI uri;
        try {
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("unsupported protocol scheme \"" + scheme + "\"");
            }
            uri = URI.create(job.url());
        } catch (IllegalArgumentException e) {
            pool.inFlight().release();
            finish(started, startNanos, Reason.CONNECT, "Get \"" + job.url() + "\": " + e.getMessage());
            return;
        }
        PyroHttpClient.Request request = new PyroHttpClient.Request("GET", uri,
                List.of(Map.entry("User-Agent", pool.userAgent())), null, null, pool.settings().maxProfileSize());
        java.util.concurrent.CompletableFuture<HttpResponseData> sent = pool.client().send(request, job.timeout());
        inFlightRequest = sent;
        if (stopped) {
            sent.cancel(true); // stop() ran between the check in tick() and here
        }
        sent.whenComplete((response, error) -> {
            inFlightRequest = null;
            pool.inFlight().release();
            try {
                pool.scheduler().execute(() -> handle(response, error, started, startNanos));
            } catch (RejectedExecutionException e) {
                done(); // stopping
            }
        });
    }

    private void handle(HttpResponseData response, Throwable error, Instant started, long startNanos) {
        try {
            if (stopped) {
                done();
                return;
            }
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error;
                Reason reason = cause instanceof TimeoutException ? Reason.TIMEOUT : Reason.CONNECT;
                String message = cause instanceof TimeoutException
                        ? "context deadline exceeded: no response within " + ScrapeSettings.format(job.timeout())
                        : cause instanceof CancellationException ? "request cancelled" : describe(cause);
                finish(started, startNanos, reason, "Get \"" + job.url() + "\": " + message);
                return;
            }
            byte[] body = response.body();
            if (response.status() / 100 != 2) {
                String text = body.length > 0 ? new String(body, 0, Math.min(body.length, ERROR_BODY_PREVIEW),
                        StandardCharsets.UTF_8).strip() : statusLine(response);
                finish(started, startNanos, Reason.HTTP_STATUS, "server returned HTTP status (" + response.status()
                                                                 + ") " + text);
                return;
            }
            if (response.truncated()) {
                finish(started, startNanos, Reason.TOO_LARGE, "profile larger than maxProfileSize ("
                        + pool.settings().maxProfileSize() + " bytes)");
                return;
            }
            if (body.length == 0) {
                finish(started, startNanos, Reason.INVALID_PROFILE, "empty " + job.profileType() + " profile");
                return;
            }
            String problem = ResponseCheck.problem(body, response.header("Content-Type"));
            if (problem != null) {
                finish(started, startNanos, Reason.INVALID_PROFILE, "invalid profile data: " + problem);
                return;
            }
            ByteString raw = ByteString.copyFrom(body);
            Labels labels = job.labels();
            if (delta != null) {
                byte[] d;
                try {
                    d = delta.next(raw);
                } catch (InvalidProfileException e) {
                    finish(started, startNanos, Reason.DELTA, "computing delta: " + e.getMessage());
                    return;
                }
                if (d == null) {
                    LOG.debug("pyroscope-scrape:{}: first {} profile of {} kept as the delta baseline", pool.name(),
                            job.profileType(), job.url());
                    finish(started, startNanos, null, null);
                    return;
                }
                raw = ByteString.copyFrom(d);
                labels = labels.with(LabelNames.DELTA, "false");
            }
            PushProfile profile = new PushProfile(labels, List.of(RawSample.of(raw)));
            long routeStart = System.nanoTime();
            pool.metrics().profiles.increment();
            pool.sink().send(job, profile, routeError -> {
                pool.metrics().fanout(System.nanoTime() - routeStart);
                if (routeError != null) {
                    finish(started, startNanos, Reason.ROUTE, "push failed: " + describe(routeError));
                } else {
                    finish(started, startNanos, null, null);
                }
            });
        } catch (RuntimeException e) {
            finish(started, startNanos, Reason.ROUTE, describe(e));
        }
    }

    private static String statusLine(HttpResponseData r) {
        return r.status() + (r.reason().isEmpty() ? "" : " " + r.reason());
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        if (t instanceof IOException && m != null && !m.isEmpty()) {
            return t.getClass().getSimpleName() + ": " + m;
        }
        return m == null || m.isEmpty() ? t.getClass().getName() : m;
    }

    /** Records the outcome ({@code reason == null}: success) and lets the next tick run. */
    private void finish(Instant started, long startNanos, Reason reason, String error) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        Health before;
        boolean logWarn;
        synchronized (this) {
            before = health;
            logWarn = reason != null && (before != Health.DOWN || lastReason != reason);
            health = reason == null ? Health.UP : Health.DOWN;
            lastError = error;
            lastReason = reason;
            lastScrape = started;
            lastDuration = took;
            scrapes++;
            if (reason != null) {
                failures++;
            }
        }
        pool.metrics().scrapes.increment();
        if (reason != null) {
            pool.metrics().failed(reason);
            if (logWarn && !stopped) {
                LOG.warn("pyroscope-scrape:{}: scrape of {} failed: {} (logged again when it recovers or fails"
                         + " differently)", pool.name(), job.url(), error);
            } else {
                LOG.debug("pyroscope-scrape:{}: scrape of {} failed: {}", pool.name(), job.url(), error);
            }
        } else if (before == Health.DOWN) {
            LOG.info("pyroscope-scrape:{}: scrape of {} works again", pool.name(), job.url());
        }
        done();
    }

    private void done() {
        busy.set(false);
        if (pending && !stopped) {
            pending = false;
            if (busy.compareAndSet(false, true)) {
                try {
                    pool.scheduler().execute(() -> {
                        try {
                            scrape();
                        } catch (Throwable t) {
                            busy.set(false);
                            LOG.warn("pyroscope-scrape:{}: scrape of {} failed to start: {}", pool.name(),
                                    job.url(), t.toString(), t);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    busy.set(false);
                }
            }
        }
    }

    synchronized Health health() {
        return health;
    }

    synchronized TargetStatus status() {
        return new TargetStatus(pool.settings().jobName(), job.url(), job.profileType(), health.text(),
                job.labels().asMap(), lastError, lastScrape, lastDuration, scrapes, failures,
                Long.toHexString(job.identity()));
    }
}
