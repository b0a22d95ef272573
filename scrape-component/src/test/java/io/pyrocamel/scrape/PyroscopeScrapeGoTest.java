package io.pyrocamel.scrape;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.ProfileKind;
import io.pyrocamel.core.ProfileTypes;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.PyroscopeConstants;
import io.pyrocamel.core.proto.pprof.Profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Go program (standard library net/http/pprof, built with Debian's Go toolchain) scraped with every default
 * profile type; each forwarded profile is decoded with the project's pprof classes and read by {@code go tool pprof}.
 */
class PyroscopeScrapeGoTest extends CamelTestSupport {

    static GoPprofServer go;

    @TempDir
    Path dir;

    @BeforeAll
    static void startGo() throws Exception {
        go = GoPprofServer.start();
    }

    @AfterAll
    static void stopGo() {
        if (go != null) {
            go.close();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("pyroscope-scrape:go?scrapeInterval=3s&deltaProfilingDuration=2s&targetSyncInterval=0s"
                     + "&targets=RAW([{\"__address__\": \"" + go.address() + "\", \"service_name\": \"go-app\","
                     + " \"env\": \"test\"}])")
                        .routeId("defaults").to("mock:defaults");
                from("pyroscope-scrape:extra?scrapeInterval=3s&deltaProfilingDuration=2s&params.debug=0"
                     + "&profileProcessCpuEnabled=false&profileMemoryEnabled=false&profileGoroutineEnabled=false"
                     + "&profileMutexEnabled=false&profileBlockEnabled=false&profileFgprofEnabled=true"
                     + "&customProfiles=RAW([{name: heap_custom, path: /custom/heap, enabled: true},"
                     + " {name: threads, path: /custom/threads, enabled: true, delta: true},"
                     + " {name: never, path: /custom/never, enabled: false}])"
                     + "&targets=RAW([{__address__: \"" + go.address() + "\"}])")
                        .routeId("extra").autoStartup(false).to("mock:extra");
            }
        };
    }

    private static Map<String, List<Exchange>> byType(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().collect(Collectors.groupingBy(
                e -> e.getMessage().getHeader(PyroscopeConstants.PROFILE_TYPE, String.class)));
    }

    @Test
    void scrapesEveryDefaultProfileTypeOfARealGoProgram() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:defaults");
        await().atMost(Duration.ofSeconds(30)).until(() -> byType(mock).keySet()
                .containsAll(List.of("process_cpu", "memory", "goroutine", "mutex", "block")));
        context.getRouteController().stopRoute("defaults");

        Map<String, List<String>> expectedTypes = Map.of(
                "process_cpu", List.of("samples/count", "cpu/nanoseconds"),
                "memory", List.of("alloc_objects/count", "alloc_space/bytes", "inuse_objects/count",
                        "inuse_space/bytes"),
                "goroutine", List.of("goroutine/count"),
                "mutex", List.of("contentions/count", "delay/nanoseconds"),
                "block", List.of("contentions/count", "delay/nanoseconds"));
        Map<String, String> paths = Map.of("process_cpu", "/debug/pprof/profile", "memory", "/debug/pprof/allocs",
                "goroutine", "/debug/pprof/goroutine", "mutex", "/debug/pprof/mutex", "block", "/debug/pprof/block");
        Map<String, List<Exchange>> received = byType(mock);
        for (Map.Entry<String, List<String>> e : expectedTypes.entrySet()) {
            String type = e.getKey();
            Exchange ex = received.get(type).get(0);
            assertThat(ex.getMessage().getHeader(PyroscopeConstants.PROFILE_KIND)).isEqualTo(ProfileKind.PUSH);
            assertThat(ex.getMessage().getHeader(PyroscopeConstants.SERVICE_NAME)).isEqualTo("go-app");
            assertThat(ex.getMessage().getHeader(PyroscopeScrapeConstants.SCRAPE_URL, String.class))
                    .startsWith("http://" + go.address() + paths.get(type));
            PushProfile p = ex.getMessage().getBody(PushProfile.class);
            Labels.Builder expected = Labels.builder().set("__address__", go.address()).set("__name__", type)
                    .set("__profile_path__", paths.get(type)).set("__scheme__", "http").set("env", "test")
                    .set("instance", go.address()).set("job", "go").set("service_name", "go-app");
            boolean cumulative = type.equals("memory") || type.equals("mutex") || type.equals("block");
            if (cumulative) {
                expected.set("__delta__", "false");
            }
            assertThat(p.labels()).as(type).isEqualTo(expected.build());
            assertThat(p.samples()).hasSize(1);
            assertThat(p.samples().get(0).id()).isEmpty();
            Profile decoded = Pprof.decode(p.samples().get(0).rawProfile());
            List<String> types = decoded.getSampleTypeList().stream().map(vt -> Pprof.string(decoded, vt.getType())
                    + "/" + Pprof.string(decoded, vt.getUnit())).toList();
            assertThat(types).as(type).isEqualTo(e.getValue());
            if (type.equals("memory") || type.equals("goroutine") || type.equals("process_cpu")) {
                assertThat(ProfileTypes.fromProfile(decoded)).as(type).isEqualTo(type);
            }
            if (cumulative) {
                assertThat(p.samples().get(0).isGzipped()).as("client deltas are gzipped").isTrue();
                assertThat(decoded.getDurationNanos()).as("duration = time since the previous scrape")
                        .isBetween(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(10));
            }
            goToolPprofReads(type, p.samples().get(0).rawProfile().toByteArray(), e.getValue());
        }

        // requests: seconds only on the CPU profile, exactly one; the first memory/mutex/block scrape is a baseline
        List<String> log = go.requests();
        assertThat(log).filteredOn(r -> r.startsWith("/debug/pprof/profile")).isNotEmpty()
                .allMatch(r -> r.equals("/debug/pprof/profile?seconds=2"));
        assertThat(log).filteredOn(r -> !r.startsWith("/debug/pprof/profile")).noneMatch(r -> r.contains("?"));
        for (String type : List.of("memory", "mutex", "block")) {
            long requested = log.stream().filter(r -> r.equals(paths.get(type))).count();
            assertThat((long) received.get(type).size()).as(type + " profiles sent vs requests")
                    .isLessThanOrEqualTo(requested - 1);
        }
    }

    /** {@code go tool pprof -raw} reads the bytes that were forwarded. */
    private void goToolPprofReads(String type, byte[] bytes, List<String> sampleTypes) throws Exception {
        Path file = dir.resolve(type + ".pb.gz");
        Files.write(file, bytes);
        Process p = new ProcessBuilder(GoPprofServer.findGo().toString(), "tool", "pprof", "-raw", "-symbolize=none",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(type + ": go tool pprof -raw\n" + out).isZero();
        assertThat(out).as(type).contains("Samples:");
        String header = out.lines().dropWhile(l -> !l.startsWith("Samples:")).skip(1).findFirst().orElse("");
        for (String t : sampleTypes) {
            assertThat(header).as(type + " header").contains(t);
        }
    }

    @Test
    void fgprofAndCustomProfilesWithSecondsInTheRequestLog() throws Exception {
        context.getRouteController().stopRoute("defaults");
        int before = go.requests().size();
        context.getRouteController().startRoute("extra");
        MockEndpoint mock = getMockEndpoint("mock:extra");
        await().atMost(Duration.ofSeconds(20)).until(() -> byType(mock).keySet()
                .containsAll(List.of("fgprof", "heap_custom", "threads")));
        context.getRouteController().stopRoute("extra");
        List<String> log = new ArrayList<>(go.requests().subList(before, go.requests().size()));
        assertThat(log).contains("/debug/fgprof?debug=0&seconds=2", "/custom/threads?debug=0&seconds=2",
                "/custom/heap?debug=0");
        assertThat(log).noneMatch(r -> r.startsWith("/custom/never")).noneMatch(r -> r.startsWith("/debug/pprof/"));
        for (Exchange ex : mock.getReceivedExchanges()) {
            PushProfile p = ex.getMessage().getBody(PushProfile.class);
            assertThat(p.labels().has("__delta__")).as("no __delta__ on fgprof/custom").isFalse();
            assertThat(p.labels().get("__param_debug")).isEqualTo("0");
            assertThat(p.labels().get("service_name")).isEqualTo("unspecified");
            assertThat(p.labels().get("job")).isEqualTo("extra");
            Pprof.decode(p.samples().get(0).rawProfile());
        }
        Map<String, List<Exchange>> received = byType(mock);
        assertThat(received.get("heap_custom").get(0).getMessage().getBody(PushProfile.class).labels()
                .get("__profile_path__")).isEqualTo("/custom/heap");
    }
}
