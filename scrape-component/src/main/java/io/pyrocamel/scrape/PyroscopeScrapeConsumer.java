package io.pyrocamel.scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.apache.camel.util.json.JsonArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.ProfileKind;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.core.http.HttpClientSettings;
import io.pyrocamel.core.http.PyroHttpClient;

/**
 * Runs the scrape loops of one endpoint and sends every scraped profile into the route. Targets: the inline
 * {@code targets} followed by the current {@code targetSet} (both = Alloy's {@code array.concat}); target set changes
 * are applied at most every {@code targetSyncInterval} (5s, as Alloy), the first at once.
 *
 * <p>Threads: one scheduled pool from Camel's ExecutorServiceManager ({@code pyroscope-scrape:NAME}, workerThreads
 * threads) for ticks, response checks, deltas and the route; the HTTP client's I/O threads for the network. Loops own
 * no thread, so starting and stopping loops never creates or ends threads.
 *
 * <p>Debug state over JMX (this consumer's MBean: {@code Targets}, {@code TargetsJson}, counts), in the
 * {@code pyroscope-scrape} dev console and as a health check (always UP while running, as Alloy reports
 * {@code pyroscope.scrape} healthy unless misconfigured; the details count jobs up and down).
 *
 * @since 0.1.0
 */
@ManagedResource(description = "pyroscope-scrape consumer: scrape jobs and their debug state")
public class PyroscopeScrapeConsumer extends DefaultConsumer implements HealthCheckAware {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeScrapeConsumer.class);

    private final ScrapeMetrics metrics = new ScrapeMetrics();
    private ScrapeSettings settings;
    private ScheduledExecutorService scheduler;
    private PyroHttpClient client;
    private volatile ScrapePool pool;
    private AutoCloseable subscription;
    private HealthCheck healthCheck;

    private final Object syncLock = new Object();
    private volatile TargetSet currentSet;
    private volatile long appliedVersion;
    private long lastSyncNanos;
    private boolean syncScheduled;
    private boolean everSynced;

    public PyroscopeScrapeConsumer(PyroscopeScrapeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public PyroscopeScrapeEndpoint getEndpoint() {
        return (PyroscopeScrapeEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PyroscopeScrapeEndpoint endpoint = getEndpoint();
        settings = endpoint.getSettings();
        String threadName = "pyroscope-scrape:" + settings.endpointName();
        var manager = endpoint.getCamelContext().getExecutorServiceManager();
        // one queued task per loop: the queue must not have Camel's default limit (1000), the threads are bounded
        ThreadPoolProfile profile = new ThreadPoolProfile(threadName);
        profile.setPoolSize(settings.workerThreads());
        profile.setMaxPoolSize(settings.workerThreads());
        profile.setMaxQueueSize(-1);
        scheduler = manager.newScheduledThreadPool(this, threadName, profile);
        HttpClientSettings http = endpoint.getHttp().resolveSslContext(settings.http(), endpoint.getCamelContext());
        PyroHttpClient.Options options = new PyroHttpClient.Options(threadName,
                new CamelThreadFactory(manager.getThreadNamePattern(), threadName + "-io", true), scheduler,
                settings.maxConcurrentScrapes(), endpoint.getHttp().getIoThreads(), settings.scrapeTimeout(),
                endpoint.getHttp().getDnsResolver());
        try {
            client = PyroHttpClient.create(http, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pyroscope-scrape:" + settings.endpointName() + ": " + e.getMessage(),
                    e);
        }
        client.start();
        MeterRegistry registry = endpoint.getComponent().resolveMeterRegistry();
        pool = new ScrapePool(settings, client, scheduler, metrics, this::send, userAgent());
        if (registry != null) {
            metrics.bind(registry, "pyroscope.scrape." + settings.endpointName(), pool,
                    (p, h) -> p.count(h));
        }
        synchronized (syncLock) {
            lastSyncNanos = 0;
            everSynced = false;
            syncScheduled = false;
        }
        currentSet = null;
        appliedVersion = 0;
        if (settings.targetSet() != null) {
            subscription = TargetSetRegistry.of(endpoint.getCamelContext()).subscribe(settings.targetSet(),
                    this::onTargetSet);
        }
        scheduleSync();
        LOG.debug("Started {}: {} static targets, target set {}, {} profile types, interval {}",
                endpoint.getEndpointUri(), settings.staticTargets().size(), settings.targetSet(),
                settings.enabledTypes().size(), settings.scrapeInterval());
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (pool != null) {
            pool.stopAll();
        }
        if (client != null) {
            client.close();
            client = null;
        }
        if (scheduler != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        metrics.unbind();
        super.doStop();
    }

    private void onTargetSet(TargetSet set) {
        currentSet = set;
        scheduleSync();
    }

    /** Schedules a reconciliation: at once the first time, then at most every targetSyncInterval. */
    private void scheduleSync() {
        ScheduledExecutorService s = scheduler;
        if (s == null) {
            return;
        }
        synchronized (syncLock) {
            if (syncScheduled) {
                return;
            }
            long wait = 0;
            // at once: the first reconciliation, and the first one with a target set (static targets alone may
            // have been applied before the set was first published)
            boolean firstSet = currentSet != null && appliedVersion == 0;
            if (everSynced && !firstSet) {
                wait = Math.max(0, lastSyncNanos + settings.targetSyncInterval().toNanos() - System.nanoTime());
            }
            syncScheduled = true;
            try {
                s.schedule(this::sync, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                syncScheduled = false;
            }
        }
    }

    private void sync() {
        synchronized (syncLock) {
            syncScheduled = false;
            everSynced = true;
            lastSyncNanos = System.nanoTime();
        }
        ScrapePool p = pool;
        if (p == null || !isRunAllowed()) {
            return;
        }
        try {
            TargetSet set = currentSet;
            List<Target> targets = new ArrayList<>(settings.staticTargets());
            if (set != null) {
                targets.addAll(set.targets());
                appliedVersion = set.version();
            }
            p.sync(targets);
        } catch (RuntimeException e) {
            LOG.warn("pyroscope-scrape:{}: applying the targets failed: {}", settings.endpointName(), e.toString(), e);
        }
    }

    /** Sends one profile into the route; {@code done} gets the route's error or {@code null}. */
    private void send(ScrapeJob job, PushProfile profile, Consumer<Throwable> done) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(profile);
        exchange.getMessage().setHeader(PyroscopeScrapeConstants.PROFILE_KIND, ProfileKind.PUSH);
        exchange.getMessage().setHeader(PyroscopeScrapeConstants.PROFILE_TYPE,
                profile.labels().get(LabelNames.NAME));
        exchange.getMessage().setHeader(PyroscopeScrapeConstants.SERVICE_NAME,
                profile.labels().get(LabelNames.SERVICE_NAME));
        exchange.getMessage().setHeader(PyroscopeScrapeConstants.SCRAPE_URL, job.url());
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                Throwable error = exchange.getException();
                try {
                    if (error != null) {
                        getExceptionHandler().handleException("pyroscope-scrape:" + settings.endpointName()
                                                              + ": the route failed for a profile of " + job.url(),
                                exchange, error);
                    }
                } finally {
                    releaseExchange(exchange, false);
                    done.accept(error);
                }
            });
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("pyroscope-scrape:" + settings.endpointName()
                                                  + ": the route failed for a profile of " + job.url(), exchange, e);
            releaseExchange(exchange, false);
            done.accept(e);
        }
    }

    /**
     * {@code pyrocamel/<version> (<os>; binary)}, the counterpart of Alloy's {@code Alloy/<version> (<os>; <mode>)}.
     */
    static String userAgent() {
        String version = PyroscopeScrapeConsumer.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = "0.1.0";
        }
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            os = "linux";
        } else if (os.contains("mac")) {
            os = "darwin";
        } else if (os.contains("windows")) {
            os = "windows";
        }
        return "pyrocamel/" + version + " (" + os + "; binary)";
    }

    // ---- debug state ----

    /** The debug state of every scrape job (empty when stopped). */
    public List<TargetStatus> targetStatuses() {
        ScrapePool p = pool;
        return p == null || !isRunAllowed() ? List.of() : p.statuses();
    }

    /** Targets left out because they cannot be scraped, with the reason. */
    public Map<String, String> invalidTargets() {
        ScrapePool p = pool;
        return p == null ? Map.of() : p.invalidTargets();
    }

    ScrapeMetrics metrics() {
        return metrics;
    }

    ScrapePool pool() {
        return pool;
    }

    @ManagedAttribute(description = "The job label of the scraped profiles")
    public String getJobName() {
        return settings == null ? getEndpoint().getName() : settings.jobName();
    }

    @ManagedAttribute(description = "The followed target set, if any")
    public String getTargetSet() {
        return settings == null ? null : settings.targetSet();
    }

    @ManagedAttribute(description = "Version of the target set the running loops were made from")
    public long getTargetSetVersion() {
        return appliedVersion;
    }

    @ManagedAttribute(description = "Running scrape jobs (target x profile type)")
    public int getActiveJobs() {
        ScrapePool p = pool;
        return p == null ? 0 : p.size();
    }

    @ManagedAttribute(description = "Scrape jobs whose last scrape succeeded")
    public int getJobsUp() {
        ScrapePool p = pool;
        return p == null ? 0 : p.count("up");
    }

    @ManagedAttribute(description = "Scrape jobs whose last scrape failed")
    public int getJobsDown() {
        ScrapePool p = pool;
        return p == null ? 0 : p.count("down");
    }

    @ManagedAttribute(description = "Scrape jobs not scraped yet")
    public int getJobsUnknown() {
        ScrapePool p = pool;
        return p == null ? 0 : p.count("unknown");
    }

    @ManagedAttribute(description = "Scrapes finished, successful or not")
    public long getScrapesTotal() {
        return metrics.scrapes.sum();
    }

    @ManagedAttribute(description = "Scrapes that failed")
    public long getFailuresTotal() {
        return metrics.failuresTotal();
    }

    @ManagedAttribute(description = "Scrapes skipped because maxConcurrentScrapes requests were in flight")
    public long getSkippedTotal() {
        return metrics.skipped.sum();
    }

    @ManagedAttribute(description = "Profiles sent into the route")
    public long getProfilesTotal() {
        return metrics.profiles.sum();
    }

    @ManagedAttribute(description = "Loops started since the consumer started (target set churn)")
    public long getLoopsStarted() {
        ScrapePool p = pool;
        return p == null ? 0 : p.loopsStarted();
    }

    @ManagedAttribute(description = "Loops stopped since the consumer started (target set churn)")
    public long getLoopsStopped() {
        ScrapePool p = pool;
        return p == null ? 0 : p.loopsStopped();
    }

    @ManagedAttribute(description = "Targets that cannot be scraped (labels: reason)")
    public String[] getInvalidTargets() {
        return invalidTargets().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .toArray(String[]::new);
    }

    @ManagedAttribute(description = "Debug state of every scrape job as a JSON array (Alloy's debug info)")
    public String getTargetsJson() {
        JsonArray a = new JsonArray();
        targetStatuses().forEach(s -> a.add(s.toJson()));
        return a.toJson();
    }

    @ManagedOperation(description = "Debug state of every scrape job as a JSON array, pretty-printed")
    public String dumpTargets() {
        return org.apache.camel.util.json.Jsoner.prettyPrint(getTargetsJson());
    }

    private static final String[] ITEMS = {"identity", "url", "profileType", "health", "lastScrape",
        "lastScrapeDurationMillis", "lastError", "labels", "scrapes", "failures"};

    @ManagedAttribute(description = "Debug state of every scrape job (Alloy's debug info): URL, health, last scrape,"
                                    + " duration, last error, labels")
    public TabularData getTargets() {
        try {
            CompositeType row = new CompositeType("scrapeJob", "A scrape job (target x profile type)", ITEMS, ITEMS,
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING,
                        SimpleType.STRING, SimpleType.LONG, SimpleType.STRING, SimpleType.STRING, SimpleType.LONG,
                        SimpleType.LONG});
            TabularDataSupport table = new TabularDataSupport(new TabularType("scrapeJobs", "Scrape jobs", row,
                    new String[] {"identity"}));
            for (TargetStatus s : targetStatuses()) {
                table.put(new CompositeDataSupport(row, ITEMS, new Object[] {s.identity(), s.url(), s.profileType(),
                    s.health(), s.lastScrape() == null ? "" : s.lastScrape().toString(),
                    s.lastScrapeDuration() == null ? 0L : s.lastScrapeDuration().toMillis(),
                    s.lastError() == null ? "" : s.lastError(), s.labels().toString(), s.scrapes(),
                    s.failures()}));
            }
            return table;
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- health ----

    @Override
    public HealthCheck getHealthCheck() {
        if (healthCheck == null) {
            healthCheck = new ScrapeHealthCheck(this);
        }
        return healthCheck;
    }

    @Override
    public void setHealthCheck(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }
}
