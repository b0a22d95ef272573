package io.pyrocamel.scrape;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.builder.AdviceWith;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example routes {@code routes/scrape-*.yaml} load with Camel's YAML DSL and do what their comments say. Endpoints
 * of other modules that are not test dependencies (pyroscope-write, discovery-kubernetes) are replaced with
 * advice-with; {@code scrape-file-sd.yaml} runs for real: file_sd file → targets → scrape of a Go program → store.
 */
class ScrapeExampleRoutesTest extends CamelTestSupport {

    @TempDir
    Path dir;

    @Override
    public void configureTest(TestExecutionConfiguration config) {
        super.configureTest(config);
        config.withUseAdviceWith(true);
    }

    private void load(String file) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:../routes/"
                + file));
    }

    private PyroscopeScrapeConsumer consumer(String routeId) {
        return (PyroscopeScrapeConsumer) context.getRoute(routeId).getConsumer();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void scrapeStaticScrapesTheDocumentedUrls() throws Exception {
        load("scrape-static.yaml");
        AdviceWith.adviceWith(context, "scrape-static", a -> a.weaveByToUri("pyroscope-write:*").replace()
                .to("mock:write"));
        context.start();
        PyroscopeScrapeConsumer c = consumer("scrape-static");
        await().atMost(Duration.ofSeconds(5)).until(() -> c.getActiveJobs() == 10);
        assertThat(c.targetStatuses()).extracting(TargetStatus::url).containsExactlyInAnyOrder(
                "http://localhost:4040/debug/pprof/allocs", "http://localhost:4040/debug/pprof/block",
                "http://localhost:4040/debug/pprof/goroutine", "http://localhost:4040/debug/pprof/mutex",
                "http://localhost:4040/debug/pprof/profile?seconds=14",
                "http://localhost:12345/debug/pprof/allocs", "http://localhost:12345/debug/pprof/block",
                "http://localhost:12345/debug/pprof/goroutine", "http://localhost:12345/debug/pprof/mutex",
                "http://localhost:12345/debug/pprof/profile?seconds=14");
        assertThat(c.targetStatuses()).allMatch(s -> s.labels().get("job").equals("local"));
    }

    @Test
    void scrapeDynamicConcatenatesStaticAndDiscoveredTargets() throws Exception {
        load("scrape-dynamic.yaml");
        AdviceWith.adviceWith(context, "dynamic-targets", a -> a.replaceFromWith("direct:discover"));
        AdviceWith.adviceWith(context, "scrape-dynamic", a -> a.weaveByToUri("pyroscope-write:*").replace()
                .to("mock:write"));
        context.start();
        PyroscopeScrapeConsumer c = consumer("scrape-dynamic");
        await().atMost(Duration.ofSeconds(5)).until(() -> c.getActiveJobs() == 10);
        int port = closedPort();
        template.sendBody("direct:discover", List.of(
                Target.of("__address__", "127.0.0.1:" + port, "__meta_url", "https://example.com/scrape_targets"),
                Target.of("__address__", "localhost:" + port, "service_name", "discovered")));
        await().atMost(Duration.ofSeconds(8)).until(() -> c.getActiveJobs() == 20);
        Set<String> services = c.targetStatuses().stream().map(s -> s.labels().get("service_name"))
                .collect(Collectors.toSet());
        assertThat(services).containsExactlyInAnyOrder("pyroscope", "alloy", "discovered", "unspecified");
    }

    @Test
    void scrapeKubernetesKeepsAnnotatedRunningPods() throws Exception {
        load("scrape-kubernetes.yaml");
        AdviceWith.adviceWith(context, "pods-discovery", a -> a.replaceFromWith("direct:pods"));
        AdviceWith.adviceWith(context, "scrape-pods", a -> a.weaveByToUri("pyroscope-write:*").replace()
                .to("mock:write"));
        context.start();
        String addr = "127.0.0.1:" + closedPort();
        String addr2 = "127.0.0.1:" + closedPort();
        template.sendBody("direct:pods", List.of(
                Target.of("__address__", addr, "__meta_kubernetes_namespace", "shop",
                        "__meta_kubernetes_pod_name", "cart-1", "__meta_kubernetes_pod_container_name", "cart",
                        "__meta_kubernetes_pod_phase", "Running",
                        "__meta_kubernetes_pod_annotation_profiles_grafana_com_scrape", "true"),
                Target.of("__address__", addr2, "__meta_kubernetes_namespace", "shop",
                        "__meta_kubernetes_pod_name", "pay-1", "__meta_kubernetes_pod_container_name", "pay",
                        "__meta_kubernetes_pod_phase", "Running",
                        "__meta_kubernetes_pod_annotation_pyroscope_io_service_name", "payments",
                        "__meta_kubernetes_pod_annotation_profiles_grafana_com_scrape", "true"),
                Target.of("__address__", addr, "__meta_kubernetes_namespace", "ops",
                        "__meta_kubernetes_pod_name", "other", "__meta_kubernetes_pod_phase", "Running"),
                Target.of("__address__", addr, "__meta_kubernetes_namespace", "shop",
                        "__meta_kubernetes_pod_name", "cart-2", "__meta_kubernetes_pod_phase", "Pending",
                        "__meta_kubernetes_pod_annotation_profiles_grafana_com_scrape", "true")));
        PyroscopeScrapeConsumer c = consumer("scrape-pods");
        await().atMost(Duration.ofSeconds(5)).until(() -> c.getActiveJobs() == 10);
        assertThat(c.targetStatuses().stream().map(s -> s.labels().get("service_name") + "@" + s.labels().get("pod")
                + "@" + s.labels().get("namespace")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("shop/cart@cart-1@shop", "payments@pay-1@shop");
    }

    @Test
    void scrapeFileSdScrapesARealGoProgramIntoTheStore() throws Exception {
        try (GoPprofServer go = GoPprofServer.start()) {
            Path targets = Files.createDirectories(dir.resolve("targets"));
            Files.writeString(targets.resolve("go.json"), "[{\"targets\": [\"" + go.address() + "\"], \"labels\":"
                    + " {\"service_name\": \"file-sd-app\", \"env\": \"dev\"}}]");
            Path store = dir.resolve("profiles");
            Properties p = new Properties();
            p.setProperty("pyrocamel.scrape.files", targets + "/*.json");
            p.setProperty("pyrocamel.scrape.interval", "3s");
            p.setProperty("pyrocamel.scrape.delta", "2s");
            p.setProperty("pyrocamel.store.directory", store.toString());
            context.getPropertiesComponent().setOverrideProperties(p);
            load("scrape-file-sd.yaml");
            context.start();
            Path app = store.resolve("file-sd-app");
            await().atMost(Duration.ofSeconds(20)).until(() -> Stream.of("process_cpu", "memory", "goroutine",
                    "mutex", "block").allMatch(t -> hasProfile(app.resolve(t))));
            try (Stream<Path> files = Files.list(app.resolve("memory"))) {
                Path pb = files.filter(f -> f.toString().endsWith(".pb.gz")).findFirst().orElseThrow();
                assertThat(Pprof.decode(Files.readAllBytes(pb)).getSampleTypeCount()).isEqualTo(4);
            }
            // the target goes away from the file: its loops stop
            PyroscopeScrapeConsumer c = consumer("scrape-file-sd");
            assertThat(c.getActiveJobs()).isEqualTo(5);
            Files.writeString(targets.resolve("go.json"), "[]");
            await().atMost(Duration.ofSeconds(10)).until(() -> c.getActiveJobs() == 0);
        }
    }

    private static boolean hasProfile(Path typeDir) {
        if (!Files.isDirectory(typeDir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(typeDir)) {
            return s.anyMatch(f -> f.toString().endsWith(".pb.gz"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
