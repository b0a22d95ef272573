package io.pyrocamel.scrape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.http.PyroHttpClient;

/**
 * The running scrape loops of one endpoint, Alloy's {@code scrapePool}: {@link #sync} reconciles them with a complete
 * target list. Jobs are keyed by identity (FNV-1a over the public labels and the URL): a new identity starts a loop,
 * a vanished one stops its loop, an unchanged one keeps its loop, health and delta state, even when only its
 * {@code __}-labels changed (as in Alloy).
 *
 * <p>A target that cannot be scraped (no {@code __address__}, a bad address) is left out on its own and listed in
 * {@link #invalidTargets()}; Alloy drops the whole target group with it (SPEC.md §8.2, an evident bug not
 * reproduced).
 *
 * @since 0.1.0
 */
final class ScrapePool {

    private static final Logger LOG = LoggerFactory.getLogger(ScrapePool.class);

    /** Where a scraped profile goes: the route. {@code done} is called with the route's error or {@code null}. */
    interface Sink {
        void send(ScrapeJob job, PushProfile profile, Consumer<Throwable> done);
    }

    private final ScrapeSettings settings;
    private final PyroHttpClient client;
    private final ScheduledExecutorService scheduler;
    private final ScrapeMetrics metrics;
    private final Sink sink;
    private final String userAgent;
    private final Semaphore inFlight;

    private final Map<Long, ScrapeLoop> loops = new LinkedHashMap<>();
    private volatile Map<String, String> invalid = Map.of();
    private long started;
    private long stopped;

    ScrapePool(ScrapeSettings settings, PyroHttpClient client, ScheduledExecutorService scheduler,
               ScrapeMetrics metrics, Sink sink, String userAgent) {
        this.settings = settings;
        this.client = client;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.sink = sink;
        this.userAgent = userAgent;
        this.inFlight = new Semaphore(settings.maxConcurrentScrapes());
    }

    /** Reconciles the loops with {@code targets}, the complete current list. */
    synchronized void sync(List<Target> targets) {
        Map<Long, ScrapeJob> wanted = new LinkedHashMap<>();
        Map<String, String> bad = new LinkedHashMap<>();
        for (Target t : targets) {
            try {
                for (ScrapeJob job : ScrapeJob.of(t, settings)) {
                    wanted.putIfAbsent(job.identity(), job);
                }
            } catch (IllegalArgumentException e) {
                bad.put(t.labels().toString(), e.getMessage());
            }
        }
        if (!bad.equals(invalid)) {
            bad.forEach((labels, error) -> {
                if (!invalid.containsKey(labels)) {
                    LOG.warn("pyroscope-scrape:{}: target {} is not scraped: {}", name(), labels, error);
                }
            });
        }
        invalid = Map.copyOf(bad);
        int added = 0;
        int removed = 0;
        for (Map.Entry<Long, ScrapeJob> e : wanted.entrySet()) {
            if (!loops.containsKey(e.getKey())) {
                ScrapeLoop loop = new ScrapeLoop(e.getValue(), this);
                loops.put(e.getKey(), loop);
                loop.start();
                added++;
            }
        }
        var it = loops.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, ScrapeLoop> e = it.next();
            if (!wanted.containsKey(e.getKey())) {
                e.getValue().stop();
                it.remove();
                removed++;
            }
        }
        started += added;
        stopped += removed;
        LOG.debug("pyroscope-scrape:{}: synced {} targets: {} jobs ({} started, {} stopped, {} kept), {} invalid",
                name(), targets.size(), loops.size(), added, removed, loops.size() - added, bad.size());
    }

    /** Stops every loop. */
    synchronized void stopAll() {
        loops.values().forEach(ScrapeLoop::stop);
        stopped += loops.size();
        loops.clear();
    }

    synchronized List<ScrapeLoop> loops() {
        return new ArrayList<>(loops.values());
    }

    /** The debug state of every job, by URL. */
    List<TargetStatus> statuses() {
        List<TargetStatus> out = new ArrayList<>();
        for (ScrapeLoop l : loops()) {
            out.add(l.status());
        }
        out.sort(Comparator.comparing(TargetStatus::url).thenComparing(TargetStatus::identity));
        return out;
    }

    /** Jobs of one health ({@code up}, {@code down}, {@code unknown}). */
    synchronized int count(String health) {
        int n = 0;
        for (ScrapeLoop l : loops.values()) {
            if (l.health().text().equals(health)) {
                n++;
            }
        }
        return n;
    }

    synchronized int size() {
        return loops.size();
    }

    synchronized long loopsStarted() {
        return started;
    }

    synchronized long loopsStopped() {
        return stopped;
    }

    /** Targets left out, by their labels, with the reason. */
    Map<String, String> invalidTargets() {
        return invalid;
    }

    ScrapeSettings settings() {
        return settings;
    }

    PyroHttpClient client() {
        return client;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ScrapeMetrics metrics() {
        return metrics;
    }

    Sink sink() {
        return sink;
    }

    String userAgent() {
        return userAgent;
    }

    Semaphore inFlight() {
        return inFlight;
    }

    String name() {
        return settings.endpointName();
    }
}
