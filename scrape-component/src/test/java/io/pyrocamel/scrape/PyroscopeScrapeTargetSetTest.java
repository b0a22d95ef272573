package io.pyrocamel.scrape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live target sets: a set that changes every second for 25 s while a real Go program is scraped. Loops start and
 * stop, unchanged targets keep their loop (same object, scrape count growing), no thread is left behind, and an empty
 * set stops all scraping. Also: the default 5 s between two reconciliations, and static targets plus a set.
 */
class PyroscopeScrapeTargetSetTest extends CamelTestSupport {

    static GoPprofServer go;

    @BeforeAll
    static void startGo() throws Exception {
        go = GoPprofServer.start();
    }

    @AfterAll
    static void stopGo() {
        go.close();
    }

    private static final String ONLY_GOROUTINE = "&profileProcessCpuEnabled=false&profileMemoryEnabled=false"
            + "&profileMutexEnabled=false&profileBlockEnabled=false";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("pyroscope-scrape:churn?targetSet=churn&scrapeInterval=2s&targetSyncInterval=0s" + ONLY_GOROUTINE)
                        .routeId("churn").autoStartup(false).to("mock:churn");
                from("pyroscope-scrape:slow-sync?targetSet=slow&scrapeInterval=2s" + ONLY_GOROUTINE
                     + "&targets=RAW([{__address__: \"" + go.address() + "\", service_name: static}])")
                        .routeId("slow-sync").autoStartup(false).to("mock:slow");
            }
        };
    }

    private PyroscopeScrapeConsumer consumer(String routeId) {
        return (PyroscopeScrapeConsumer) context.getRoute(routeId).getConsumer();
    }

    private static Target target(String service) {
        return Target.of("__address__", go.address(), "service_name", service);
    }

    private static Set<String> services(PyroscopeScrapeConsumer c) {
        return c.targetStatuses().stream().map(s -> s.labels().get("service_name")).collect(Collectors.toSet());
    }

    private static int scrapeThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("pyroscope-scrape:churn")).count();
    }

    @Test
    void churnEverySecondKeepsUnchangedLoopsAndLeaksNothing() throws Exception {
        context.getRouteController().startRoute("churn");
        PyroscopeScrapeConsumer c = consumer("churn");
        List<Target> stable = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stable.add(target("stable-" + i));
        }
        template.sendBody("targets:churn", stable);
        await().atMost(Duration.ofSeconds(10)).until(() -> c.targetStatuses().size() == 5
                && c.targetStatuses().stream().allMatch(s -> s.scrapes() >= 1));
        Map<ScrapeLoop, Boolean> stableLoops = new IdentityHashMap<>();
        c.pool().loops().forEach(l -> stableLoops.put(l, true));
        long stableScrapesBefore = c.targetStatuses().stream().mapToLong(TargetStatus::scrapes).sum();
        int baselineThreads = Thread.activeCount();
        int baselineScrapeThreads = scrapeThreads();

        Random random = new Random(7);
        int maxScrapeThreads = 0;
        long end = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        int versions = 0;
        while (System.nanoTime() < end) {
            List<Target> set = new ArrayList<>(stable);
            Set<String> expected = stable.stream().map(t -> t.get("service_name")).collect(Collectors.toSet());
            for (int i = 0; i < 40; i++) {
                if (random.nextInt(2) == 0) {
                    set.add(target("churn-" + i));
                    expected.add("churn-" + i);
                }
            }
            template.sendBody("targets:churn", set);
            versions++;
            await().atMost(Duration.ofSeconds(3)).until(() -> services(c).equals(expected));
            maxScrapeThreads = Math.max(maxScrapeThreads, scrapeThreads());
            Thread.sleep(1000);
        }
        assertThat(versions).isGreaterThanOrEqualTo(15);
        // unchanged targets kept their loop objects, and these kept scraping through the churn
        List<ScrapeLoop> now = c.pool().loops();
        for (ScrapeLoop l : stableLoops.keySet()) {
            assertThat(now).as("loop of %s kept", l.job.url()).anySatisfy(x -> assertThat(x).isSameAs(l));
        }
        long stableScrapesAfter = now.stream().filter(stableLoops::containsKey).mapToLong(l -> l.status().scrapes())
                .sum();
        assertThat(stableScrapesAfter - stableScrapesBefore).as("stable loops scraped during the churn")
                .isGreaterThanOrEqualTo(5 * 9);
        assertThat(c.getLoopsStarted() - c.getLoopsStopped()).isEqualTo(c.getActiveJobs());
        assertThat(c.getLoopsStarted()).isGreaterThan(100);
        assertThat(c.getTargetSetVersion()).isGreaterThanOrEqualTo(versions);
        // loops own no thread: workerThreads (2) + the HTTP client's dispatcher and ioThreads (1 + 1), whatever the
        // number of loops
        assertThat(maxScrapeThreads).isLessThanOrEqualTo(4);
        assertThat(scrapeThreads()).isLessThanOrEqualTo(Math.max(4, baselineScrapeThreads));

        // an empty set stops every loop; nothing scrapes afterwards
        template.sendBody("targets:churn", List.of());
        await().atMost(Duration.ofSeconds(3)).until(() -> c.getActiveJobs() == 0);
        Thread.sleep(500); // requests in flight finish
        int requests = go.requests().size();
        Thread.sleep(3000);
        assertThat(go.requests().size()).as("no scrape after all loops stopped").isEqualTo(requests);
        assertThat(Thread.activeCount()).as("threads back to the baseline").isLessThanOrEqualTo(baselineThreads + 2);
        context.getRouteController().stopRoute("churn");
        assertThat(scrapeThreads()).as("stopping the route ends its threads").isZero();
    }

    @Test
    void changesAreAppliedAtMostEveryFiveSecondsAndStaticTargetsAreKept() throws Exception {
        template.sendBody("targets:slow", List.of(target("a")));
        context.getRouteController().startRoute("slow-sync");
        PyroscopeScrapeConsumer c = consumer("slow-sync");
        await().atMost(Duration.ofSeconds(2)).until(() -> services(c).equals(Set.of("static", "a")));
        long applied = System.nanoTime();
        template.sendBody("targets:slow", List.of(target("b")));
        Thread.sleep(2000);
        assertThat(services(c)).as("not applied before 5s").isEqualTo(Set.of("static", "a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> services(c).equals(Set.of("static", "b")));
        assertThat(Duration.ofNanos(System.nanoTime() - applied))
                .as("measured from when the first list was seen, a little after it was applied")
                .isGreaterThanOrEqualTo(Duration.ofMillis(4000));
    }
}
