package io.pyrocamel.scrape.discovery.file;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.Target;
import io.pyrocamel.scrape.support.DiscoveryConsumerSupport;
import io.pyrocamel.scrape.support.GoGlob;
import io.pyrocamel.scrape.support.Meters;
import io.pyrocamel.scrape.support.TargetGroups;

/**
 * Reads the file_sd files at start, on every change the file watch reports (the directories of the patterns, watched
 * with the JDK's WatchService, inotify on Linux) and every {@code refreshInterval}; sends the complete list when it
 * changed. As in Prometheus: files are read in pattern order and, within a directory, in name order; a file that
 * cannot be read or parsed keeps the targets it had (an error is counted in
 * {@code prometheus_sd_file_read_errors_total} and logged); a file that is gone drops its targets; each target carries
 * {@code __meta_filepath}.
 *
 * @since 0.1.0
 */
@ManagedResource(description = "discovery-file consumer: the current target list")
public class DiscoveryFileConsumer extends DiscoveryConsumerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryFileConsumer.class);

    static final String META_FILEPATH = "__meta_filepath";
    static final String READ_ERRORS = "prometheus_sd_file_read_errors";
    /** Events arriving this soon after one are handled in the same refresh. */
    static final long SETTLE_MILLIS = 100;

    private ExecutorService executor;
    private volatile WatchService watcher;
    private final Map<Path, WatchKey> watched = new HashMap<>();
    private Map<String, List<Target>> lastByFile = new LinkedHashMap<>();
    private final Map<String, String> fileErrors = new java.util.concurrent.ConcurrentHashMap<>();
    private Counter readErrors;
    private MeterRegistry registry;

    public DiscoveryFileConsumer(DiscoveryFileEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public DiscoveryFileEndpoint getEndpoint() {
        return (DiscoveryFileEndpoint) super.getEndpoint();
    }

    @Override
    protected String describe() {
        return "discovery-file:" + getEndpoint().getName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        lastByFile = new LinkedHashMap<>();
        fileErrors.clear();
        registry = Meters.find(getEndpoint().getCamelContext());
        if (registry != null) {
            readErrors = Counter.builder(READ_ERRORS).description("The number of File-SD read errors.")
                    .tag("component_id", "discovery.file." + getEndpoint().getName()).register(registry);
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("{}: no file watch ({}), the files are read every {} ms only", describe(), e.toString(),
                    getEndpoint().getRefreshInterval());
            watcher = null;
        }
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this,
                describe());
        executor.execute(this::run);
    }

    @Override
    protected void doStop() throws Exception {
        WatchService w = watcher;
        watcher = null;
        if (w != null) {
            w.close();
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        synchronized (watched) {
            watched.clear();
        }
        if (registry != null && readErrors != null) {
            registry.remove(readErrors);
        }
        readErrors = null;
        super.doStop();
    }

    private void run() {
        long interval = getEndpoint().getRefreshInterval();
        long next = System.nanoTime();
        while (isRunAllowed() && !Thread.currentThread().isInterrupted()) {
            try {
                refresh();
                next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(interval);
                waitForChange(next);
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed(e.toString());
                try {
                    Thread.sleep(Math.min(interval, 1000));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Waits until a watched directory changes (then lets events settle) or the refresh time comes. */
    private void waitForChange(long deadline) throws InterruptedException {
        WatchService w = watcher;
        while (isRunAllowed()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (w == null) {
                TimeUnit.NANOSECONDS.sleep(left);
                return;
            }
            WatchKey key = w.poll(left, TimeUnit.NANOSECONDS);
            if (key == null) {
                return;
            }
            boolean relevant = drain(key);
            // more events of the same change (editors write, rename, chmod) within the settle time
            WatchKey more;
            while ((more = w.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                relevant |= drain(more);
            }
            if (relevant) {
                return;
            }
        }
    }

    private static boolean drain(WatchKey key) {
        boolean any = !key.pollEvents().isEmpty();
        key.reset();
        return any;
    }

    /** Reads every file once and sends the list when it changed. */
    void refresh() {
        Map<String, List<Target>> byFile = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (String pattern : getEndpoint().patterns()) {
            List<String> paths;
            try {
                paths = GoGlob.glob(pattern);
            } catch (IllegalArgumentException e) {
                warnOnce(pattern, fileErrors.put(pattern, e.getMessage()), "bad pattern: " + e.getMessage());
                continue;
            }
            for (String p : paths) {
                if (byFile.containsKey(p)) {
                    continue;
                }
                seen.add(p);
                try {
                    byFile.put(p, read(p));
                    if (fileErrors.remove(p) != null) {
                        LOG.info("{}: {} can be read again", describe(), p);
                    }
                } catch (IOException | IllegalArgumentException e) {
                    if (readErrors != null) {
                        readErrors.increment();
                    }
                    String error = "error reading file: " + e.getMessage();
                    warnOnce(p, fileErrors.put(p, error), error);
                    // keep what the file had (Prometheus: prevent deletion)
                    byFile.put(p, lastByFile.getOrDefault(p, List.of()));
                }
            }
        }
        fileErrors.keySet().removeIf(k -> !seen.contains(k) && !getEndpoint().patterns().contains(k));
        lastByFile = byFile;
        watchDirectories();
        List<Target> all = new ArrayList<>();
        byFile.values().forEach(all::addAll);
        refreshed(all);
    }

    @ManagedAttribute(description = "Files that could not be read or parsed at the last refresh (path: error); they"
                                    + " keep the targets they had")
    public String[] getFileErrors() {
        return fileErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted()
                .toArray(String[]::new);
    }

    static List<Target> read(String path) throws IOException {
        String text = Files.readString(Path.of(path));
        String lower = path.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yml") || lower.endsWith(".yaml");
        return TargetGroups.parse(text, yaml, META_FILEPATH, path);
    }

    /** Watches the directory of every pattern (again, when it appeared or was recreated). */
    private void watchDirectories() {
        WatchService w = watcher;
        if (w == null) {
            return;
        }
        synchronized (watched) {
            for (String pattern : getEndpoint().patterns()) {
                int slash = pattern.lastIndexOf('/');
                Path dir = Path.of(slash < 0 ? "." : slash == 0 ? "/" : pattern.substring(0, slash));
                WatchKey key = watched.get(dir);
                if (key != null && key.isValid()) {
                    continue;
                }
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try {
                    watched.put(dir, dir.register(w, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
                } catch (IOException | ClosedWatchServiceException e) {
                    LOG.debug("{}: cannot watch {}: {}", describe(), dir, e.toString());
                }
            }
        }
    }
}
