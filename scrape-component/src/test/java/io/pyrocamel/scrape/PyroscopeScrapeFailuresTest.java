package io.pyrocamel.scrape;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.testsupport.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failing targets next to a good one: down, 404, 500, slower than scrapeTimeout, an HTML and a JSON body, TLS with a
 * wrong CA, a target without address. Each shows in the debug state (JMX, dev console) and the metrics; the good
 * target keeps being scraped. A second endpoint scrapes the TLS server with the right CA.
 */
class PyroscopeScrapeFailuresTest extends CamelTestSupport {

    @TempDir
    static Path dir;

    static GoPprofServer go;
    static GoPprofServer goTls;
    static TestCertificates ca;
    static int closedPort;

    @BindToRegistry("metricsRegistry")
    MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeAll
    static void startServers() throws Exception {
        go = GoPprofServer.start();
        ca = TestCertificates.authority("pyro");
        Path[] files = ca.server().writeTo(dir, "server");
        goTls = GoPprofServer.start("-tls-cert", files[0].toString(), "-tls-key", files[1].toString());
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stopServers() {
        go.close();
        goTls.close();
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    private static String target(String address, String name, String path) {
        return "{\"__address__\": \"" + address + "\", \"service_name\": \"" + name + "\""
               + (path == null ? "" : ", \"__profile_path__\": \"" + path + "\"") + "}";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String only = "&profileProcessCpuEnabled=false&profileMemoryEnabled=false&profileMutexEnabled=false"
                      + "&profileBlockEnabled=false&scrapeInterval=2s&scrapeTimeout=1s&targetSyncInterval=0s";
        String targets = "[" + String.join(", ",
                target(go.address(), "good", null),
                target("127.0.0.1:" + closedPort, "down", null),
                target(go.address(), "notfound", "/nope"),
                target(go.address(), "error", "/fail/500"),
                target(go.address(), "slow", "/fail/slow"),
                target(go.address(), "html", "/fail/html"),
                target(go.address(), "json", "/fail/json"),
                "{\"__address__\": \"" + goTls.address() + "\", \"__scheme__\": \"https\", \"service_name\":"
                + " \"tls\"}",
                "{\"service_name\": \"no-address\"}") + "]";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("pyroscope-scrape:mixed?targets=RAW(" + targets + ")&tlsCaPem=RAW("
                     + TestCertificates.authority("other").caPem() + ")" + only)
                        .routeId("mixed").to("mock:mixed");
                from("pyroscope-scrape:tls?scheme=https&targets=RAW([{\"__address__\": \"" + goTls.address()
                     + "\"}])&tlsCaPem=RAW(" + ca.caPem() + ")" + only)
                        .routeId("tls").to("mock:tls");
            }
        };
    }

    private PyroscopeScrapeConsumer consumer(String routeId) {
        return (PyroscopeScrapeConsumer) context.getRoute(routeId).getConsumer();
    }

    @Test
    void failuresAreVisibleAndDoNotStopOtherTargets() throws Exception {
        PyroscopeScrapeConsumer c = consumer("mixed");
        await().atMost(Duration.ofSeconds(20)).until(() -> c.targetStatuses().size() == 8
                && c.targetStatuses().stream().noneMatch(s -> s.health().equals("unknown"))
                && byService(c).get("good").scrapes() >= 3);
        Map<String, TargetStatus> s = byService(c);
        assertThat(s.get("good").health()).isEqualTo("up");
        assertThat(s.get("good").lastError()).isNull();
        assertThat(s.get("good").lastScrape()).isNotNull();
        assertThat(s.get("good").lastScrapeDuration()).isNotNull();
        assertThat(s.get("down").lastError()).contains("Get \"http://127.0.0.1:" + closedPort
                                                       + "/debug/pprof/goroutine\"").contains("Connect");
        assertThat(s.get("notfound").lastError()).startsWith("server returned HTTP status (404) 404 page not found");
        assertThat(s.get("error").lastError()).isEqualTo("server returned HTTP status (500) internal error: boom");
        assertThat(s.get("slow").lastError()).contains("context deadline exceeded");
        assertThat(s.get("html").lastError()).isEqualTo("invalid profile data: unexpected Content-Type text/html;"
                + " charset=utf-8, expected application/octet-stream for pprof data");
        assertThat(s.get("json").lastError()).startsWith("invalid profile data: text response instead of pprof");
        assertThat(s.get("tls").lastError()).containsIgnoringCase("certificat");
        for (String bad : List.of("down", "notfound", "error", "slow", "html", "json", "tls")) {
            assertThat(s.get(bad).health()).as(bad).isEqualTo("down");
            assertThat(s.get(bad).failures()).as(bad).isGreaterThanOrEqualTo(1);
        }
        assertThat(c.invalidTargets()).hasSize(1);
        assertThat(c.invalidTargets().values()).allMatch(e -> e.contains("no address"));
        assertThat(getMockEndpoint("mock:mixed").getReceivedExchanges()).isNotEmpty()
                .allMatch(e -> e.getMessage().getHeader(PyroscopeScrapeConstants.SERVICE_NAME).equals("good"));

        // the other endpoint scrapes the same TLS server with the right CA
        PyroscopeScrapeConsumer tls = consumer("tls");
        await().atMost(Duration.ofSeconds(10)).until(() -> !tls.targetStatuses().isEmpty()
                && tls.targetStatuses().get(0).health().equals("up"));
        assertThat(getMockEndpoint("mock:tls").getReceivedCounter()).isPositive();

        // metrics
        assertThat(registry.find("pyroscope_scrape_failures").tag("component_id", "pyroscope.scrape.mixed")
                .tag("reason", "http_status").functionCounter().count()).isGreaterThanOrEqualTo(2);
        for (String reason : List.of("connect", "timeout", "invalid_profile")) {
            assertThat(registry.find("pyroscope_scrape_failures").tag("component_id", "pyroscope.scrape.mixed")
                    .tag("reason", reason).functionCounter().count()).as(reason).isGreaterThanOrEqualTo(1);
        }
        assertThat(registry.find("pyroscope_scrape_targets").tag("component_id", "pyroscope.scrape.mixed")
                .tag("health", "down").gauge().value()).isEqualTo(7);
        assertThat(registry.find("pyroscope_fanout_latency").tag("component_id", "pyroscope.scrape.mixed")
                .summary().count()).isPositive();
        String scrape = ((PrometheusMeterRegistry) registry).scrape();
        assertThat(scrape).contains("pyroscope_scrape_failures_total{component_id=\"pyroscope.scrape.mixed\","
                                    + "reason=\"timeout\"}");
        assertThat(scrape).contains("pyroscope_fanout_latency_bucket{component_id=\"pyroscope.scrape.mixed\"");

        // JMX: the consumer's MBean
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = mbs.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName on = names.stream().filter(n -> n.getKeyProperty("name").contains("PyroscopeScrapeConsumer")
                && "mixed".equals(routeIdOf(mbs, n))).findFirst().orElseThrow();
        assertThat(mbs.getAttribute(on, "JobsDown")).isEqualTo(7);
        assertThat(mbs.getAttribute(on, "JobsUp")).isEqualTo(1);
        assertThat(mbs.getAttribute(on, "JobName")).isEqualTo("mixed");
        TabularData table = (TabularData) mbs.getAttribute(on, "Targets");
        assertThat(table.size()).isEqualTo(8);
        JsonArray json = (JsonArray) Jsoner.deserialize((String) mbs.getAttribute(on, "TargetsJson"));
        assertThat(json).hasSize(8);
        assertThat(json.stream().map(o -> (JsonObject) o).filter(o -> ((JsonObject) o.get("labels"))
                .get("service_name").equals("error")).findFirst().orElseThrow().getString("lastError"))
                .contains("(500)");
        assertThat((String[]) mbs.getAttribute(on, "InvalidTargets")).hasSize(1);

        // dev console, resolved as Camel resolves consoles
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("pyroscope-scrape");
        assertThat(console).isNotNull();
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Route mixed:").contains("down  http://127.0.0.1:" + closedPort)
                .contains("error=server returned HTTP status (500)");
        JsonObject j = (JsonObject) console.call(DevConsole.MediaType.JSON);
        assertThat((List<?>) j.get("scrapers")).hasSize(2);

        // health: UP whatever the targets do, with the counts
        HealthCheck.Result health = c.getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("jobs.down", 7).containsEntry("jobs.up", 1)
                .containsEntry("targets.invalid", 1);
    }

    private static String routeIdOf(MBeanServer mbs, ObjectName n) {
        try {
            return (String) mbs.getAttribute(n, "RouteId");
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, TargetStatus> byService(PyroscopeScrapeConsumer c) {
        return c.targetStatuses().stream().collect(Collectors.toMap(s -> s.labels().get("service_name"),
                Function.identity(), (a, b) -> a));
    }
}
