package io.pyrocamel.scrape;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Durations;
import io.pyrocamel.core.http.HttpClientSettings;
import io.pyrocamel.core.http.PyroHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-demand benchmark (not run by the build: the name does not end in Test). CPU used by the scraper for 500 targets x
 * 5 profile types against a loopback Go pprof server, next to a baseline measured in the same run: the same requests
 * at the same rate with the bare shared HTTP client (no response checks, deltas or route).
 *
 * <pre>
 * ./mvnw -B -f scrape-component/pom.xml test -Dtest=ScrapeLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.targets=500] [-Dbench.interval=5s] [-Dbench.window=30s]
 * </pre>
 *
 * The profile paths point at {@code /bench/*} handlers of the Go program that serve the Go runtime's real profiles
 * (memory, goroutine, mutex, block) recorded every 500 ms, and a recorded CPU profile: real payloads whose cumulative
 * values grow between scrapes (so the client-side deltas do real work), without making the Go server (on the same 2
 * cores) the bottleneck, as its own /debug/pprof handlers become at 500 goroutine profiles per second. The numbers go
 * to stdout and {@code target/scrape-benchmark.txt}.
 */
class ScrapeLoadBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void cpuOfTheScraperNextToBareRequests() throws Exception {
        int targets = Integer.getInteger("bench.targets", 500);
        Duration interval = Durations.parse("bench.interval", System.getProperty("bench.interval", "5s"));
        Duration window = Durations.parse("bench.window", System.getProperty("bench.window", "30s"));
        StringBuilder report = new StringBuilder();
        try (GoPprofServer go = GoPprofServer.start()) {
            List<String> urls = new ArrayList<>();
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < targets; i++) {
                json.append(i == 0 ? "" : ",").append("{\"__address__\":\"").append(go.address())
                        .append("\",\"service_name\":\"svc-").append(i).append("\"}");
            }
            json.append(']');
            long delta = interval.toSeconds() - 1;
            for (String p : List.of("/bench/profile?seconds=" + delta, "/bench/allocs", "/bench/goroutine",
                    "/bench/mutex", "/bench/block")) {
                urls.add("http://" + go.address() + p);
            }

            double idle = measureIdle(Duration.ofSeconds(5));

            // the scraper
            AtomicLong profiles = new AtomicLong();
            CamelContext ctx = new DefaultCamelContext();
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("pyroscope-scrape:bench?scrapeInterval=" + interval.toMillis() + "&deltaProfilingDuration="
                         + delta + "s&profileProcessCpuPath=/bench/profile&profileMemoryPath=/bench/allocs"
                         + "&profileGoroutinePath=/bench/goroutine&profileMutexPath=/bench/mutex"
                         + "&profileBlockPath=/bench/block&targets=RAW(" + json + ")")
                            .routeId("bench").process(e -> profiles.incrementAndGet());
                }
            });
            ctx.start();
            PyroscopeScrapeConsumer c = (PyroscopeScrapeConsumer) ctx.getRoute("bench").getConsumer();
            Thread.sleep(interval.toMillis() + 2000); // every loop started and scraped once (deltas: baseline)
            long scrapes0 = c.getScrapesTotal();
            long failures0 = c.getFailuresTotal();
            long profiles0 = profiles.get();
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(window.toMillis());
            long cpu = OS.getProcessCpuTime() - cpu0;
            double secs = (System.nanoTime() - t0) / 1e9;
            long scrapes = c.getScrapesTotal() - scrapes0;
            long failures = c.getFailuresTotal() - failures0;
            long sent = profiles.get() - profiles0;
            int jobs = c.getActiveJobs();
            ctx.close();
            assertThat(jobs).isEqualTo(targets * 5);

            // the baseline: the same GETs at the same rate, bare client
            ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
            AtomicLong done = new AtomicLong();
            PyroHttpClient client = PyroHttpClient.create(HttpClientSettings.defaults(), new PyroHttpClient.Options(
                    "baseline", null, timers, 1000, 1, Duration.ofSeconds(10), null));
            client.start();
            long perUrlDelay = interval.toNanos() / targets;
            List<java.util.concurrent.ScheduledFuture<?>> tasks = new ArrayList<>();
            for (int i = 0; i < targets; i++) {
                for (String u : urls) {
                    URI uri = URI.create(u);
                    tasks.add(timers.scheduleAtFixedRate(() -> client.send(new PyroHttpClient.Request("GET", uri,
                            List.of(Map.entry("User-Agent", "baseline")), null, null, 256 << 20),
                            Duration.ofSeconds(10)).whenComplete((r, e) -> done.incrementAndGet()),
                            i * perUrlDelay, interval.toNanos(), TimeUnit.NANOSECONDS));
                }
            }
            Thread.sleep(interval.toMillis() + 2000);
            long done0 = done.get();
            long bcpu0 = OS.getProcessCpuTime();
            long bt0 = System.nanoTime();
            Thread.sleep(window.toMillis());
            long bcpu = OS.getProcessCpuTime() - bcpu0;
            double bsecs = (System.nanoTime() - bt0) / 1e9;
            long requests = done.get() - done0;
            tasks.forEach(t -> t.cancel(false));
            client.close();
            timers.shutdownNow();

            report.append(String.format("pyroscope-scrape benchmark: %d targets x 5 profile types = %d jobs, interval"
                    + " %ss, window %.1fs, %d CPUs%n", targets, targets * 5, interval.toMillis() / 1000.0, secs,
                    Runtime.getRuntime().availableProcessors()));
            report.append(String.format("  idle JVM:        %6.3f CPU-s/s%n", idle));
            report.append(String.format("  scraper:         %6.3f CPU-s/s  %7.1f scrapes/s (%d failed),"
                    + " %7.1f profiles/s into the route, %6.3f ms CPU per scrape%n", cpu / 1e9 / secs,
                    scrapes / secs, failures, sent / secs, cpu / 1e6 / Math.max(1, scrapes)));
            report.append(String.format("  bare GETs:       %6.3f CPU-s/s  %7.1f requests/s,"
                    + " %6.3f ms CPU per request%n",
                    bcpu / 1e9 / bsecs, requests / bsecs, bcpu / 1e6 / Math.max(1, requests)));
            report.append(String.format("  at 15s the scraper would use about %.3f CPU-s/s (%d jobs)%n",
                    (cpu / 1e9 / secs - idle) * interval.toMillis() / 15000.0 + idle, targets * 5));
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "scrape-benchmark.txt"), report.toString());
    }

    private static double measureIdle(Duration d) throws InterruptedException {
        long c0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(d.toMillis());
        return (OS.getProcessCpuTime() - c0) / 1e9 / ((System.nanoTime() - t0) / 1e9);
    }
}
