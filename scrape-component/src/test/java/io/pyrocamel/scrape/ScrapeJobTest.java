package io.pyrocamel.scrape;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.http.GoUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Target → job labels, URL, seconds, timeout and identity (SPEC.md §8.2, §8.3). */
class ScrapeJobTest {

    private static final String T = "targets=RAW([])";

    private static Map<String, ScrapeJob> byType(List<ScrapeJob> jobs) {
        return jobs.stream().collect(Collectors.toMap(ScrapeJob::profileType, j -> j));
    }

    @Test
    void defaultJobsOfAStaticTarget() throws Exception {
        ScrapeSettings s = Settings.of("local", T);
        List<ScrapeJob> jobs = ScrapeJob.of(Target.of("__address__", "localhost:4040", "service_name", "pyroscope"),
                s);
        Map<String, ScrapeJob> m = byType(jobs);
        assertThat(m.keySet()).containsExactlyInAnyOrder("process_cpu", "memory", "goroutine", "mutex", "block");
        // the upstream doc's example URLs
        assertThat(m.get("memory").url()).isEqualTo("http://localhost:4040/debug/pprof/allocs");
        assertThat(m.get("block").url()).isEqualTo("http://localhost:4040/debug/pprof/block");
        assertThat(m.get("goroutine").url()).isEqualTo("http://localhost:4040/debug/pprof/goroutine");
        assertThat(m.get("mutex").url()).isEqualTo("http://localhost:4040/debug/pprof/mutex");
        assertThat(m.get("process_cpu").url()).isEqualTo("http://localhost:4040/debug/pprof/profile?seconds=14");
        assertThat(m.get("memory").labels()).isEqualTo(Labels.of("__address__", "localhost:4040",
                "service_name", "pyroscope", "__name__", "memory", "__profile_path__", "/debug/pprof/allocs",
                "__scheme__", "http", "instance", "localhost:4040", "job", "local"));
        assertThat(m.get("memory").clientDelta()).isTrue();
        assertThat(m.get("mutex").clientDelta()).isTrue();
        assertThat(m.get("block").clientDelta()).isTrue();
        assertThat(m.get("process_cpu").clientDelta()).isFalse();
        assertThat(m.get("goroutine").clientDelta()).isFalse();
    }

    @Test
    void timeoutGrowsByIntervalMinusOneSecondWithSeconds() throws Exception {
        Map<String, ScrapeJob> m = byType(ScrapeJob.of(Target.of("__address__", "h:1"), Settings.of(T)));
        assertThat(m.get("process_cpu").timeout()).hasSeconds(10 + 14);
        assertThat(m.get("memory").timeout()).hasSeconds(10);
        m = byType(ScrapeJob.of(Target.of("__address__", "h:1"),
                Settings.of(T + "&scrapeInterval=60s&scrapeTimeout=5s")));
        assertThat(m.get("process_cpu").url()).endsWith("?seconds=59");
        assertThat(m.get("process_cpu").timeout()).hasSeconds(5 + 59);
    }

    @Test
    void deltaProfilingDurationOnlyWhenNotTheDefault() throws Exception {
        Target t = Target.of("__address__", "h:1");
        assertThat(byType(ScrapeJob.of(t, Settings.of(T + "&scrapeInterval=30s&deltaProfilingDuration=14s")))
                .get("process_cpu").url()).as("an explicit 14s counts as the default (quirk)").endsWith("seconds=29");
        assertThat(byType(ScrapeJob.of(t, Settings.of(T + "&scrapeInterval=30s&deltaProfilingDuration=20s")))
                .get("process_cpu").url()).endsWith("seconds=20");
        assertThat(byType(ScrapeJob.of(t, Settings.of(T + "&scrapeInterval=10s&deltaProfilingDuration=5500ms")))
                .get("process_cpu").url()).as("whole seconds").endsWith("seconds=5");
    }

    @Test
    void paramsAreSortedAndExactlyOneSecondsIsAppended() throws Exception {
        ScrapeSettings s = Settings.of(T + "&params.seconds=5&params.debug=0&params.b=x%20y");
        Map<String, ScrapeJob> m = byType(ScrapeJob.of(Target.of("__address__", "h:1"), s));
        assertThat(m.get("process_cpu").url()).isEqualTo("http://h:1/debug/pprof/profile?b=x+y&debug=0&seconds=5"
                                                          + "&seconds=14");
        assertThat(m.get("memory").url()).isEqualTo("http://h:1/debug/pprof/allocs?b=x+y&debug=0&seconds=5");
        assertThat(m.get("memory").labels().get("__param_debug")).isEqualTo("0");
        assertThat(m.get("memory").timeout()).as("a user seconds parameter also extends the timeout").hasSeconds(24);
        // jobs built again do not accumulate seconds (Alloy appends into the shared params)
        assertThat(byType(ScrapeJob.of(Target.of("__address__", "h:1"), s)).get("process_cpu").url())
                .isEqualTo(m.get("process_cpu").url());
    }

    @Test
    void paramLabelOfTheTargetOverridesTheFirstValue() throws Exception {
        ScrapeSettings s = Settings.of(T + "&params.debug=0");
        Map<String, ScrapeJob> m = byType(ScrapeJob.of(Target.of("__address__", "h:1", "__param_debug", "1",
                "__param_extra", "a/b"), s));
        assertThat(m.get("goroutine").url()).isEqualTo("http://h:1/debug/pprof/goroutine?debug=0&extra=a%2Fb");
        // Alloy: params set __param_<k> over the target's own (populateLabels sets, not "if absent")
        assertThat(m.get("goroutine").labels().get("__param_debug")).isEqualTo("0");
    }

    @Test
    void targetLabelsWinOverTypeLabels() throws Exception {
        ScrapeSettings s = Settings.of(T + "&pathPrefix=/mimir-prometheus&scheme=https&jobName=j");
        Target t = Target.of("__address__", "h", "__scheme__", "http", "job", "own", "instance", "inst",
                "service_name", "svc");
        Map<String, ScrapeJob> m = byType(ScrapeJob.of(t, s));
        ScrapeJob mem = m.get("memory");
        assertThat(mem.url()).isEqualTo("http://h:80/mimir-prometheus/debug/pprof/allocs");
        assertThat(mem.labels().get("job")).isEqualTo("own");
        assertThat(mem.labels().get("instance")).isEqualTo("inst");
        assertThat(mem.labels().get("__profile_path_prefix__")).isEqualTo("/mimir-prometheus");

        // a target with its own __name__ and __profile_path__: every type gives the same URL → one job
        List<ScrapeJob> own = ScrapeJob.of(Target.of("__address__", "h:1", "__name__", "process_cpu",
                "__profile_path__", "/x/profile"), s);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).url()).isEqualTo("https://h:1/mimir-prometheus/x/profile?seconds=14");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "localhost, http://localhost:80/debug/pprof/allocs",
        "10.0.0.1, http://10.0.0.1:80/debug/pprof/allocs",
        "[::1], http://[::1]:80/debug/pprof/allocs",
        "[::1]:6060, http://[::1]:6060/debug/pprof/allocs",
        "::1, http://::1/debug/pprof/allocs",
    })
    void defaultPorts(String address, String url) throws Exception {
        assertThat(byType(ScrapeJob.of(Target.of("__address__", address), Settings.of(T))).get("memory").url())
                .isEqualTo(url);
    }

    @Test
    void httpsDefaultPort() throws Exception {
        assertThat(byType(ScrapeJob.of(Target.of("__address__", "h"), Settings.of(T + "&scheme=https")))
                .get("memory").url()).isEqualTo("https://h:443/debug/pprof/allocs");
    }

    @Test
    void badTargets() throws Exception {
        ScrapeSettings s = Settings.of(T);
        assertThatThrownBy(() -> ScrapeJob.of(Target.of("service_name", "x"), s)).hasMessageContaining("no address");
        assertThatThrownBy(() -> ScrapeJob.of(Target.of("__address__", "h:1/x"), s))
                .hasMessageContaining("is not a valid hostname");
        assertThatThrownBy(() -> ScrapeJob.of(Target.of("__address__", "h", "__scheme__", "ftp"), s))
                .hasMessageContaining("invalid scheme");
    }

    @Test
    void godeltaprofIsSentUnderTheBaseNameWithoutClientDelta() throws Exception {
        ScrapeSettings s = Settings.of(T + "&profileGodeltaprofMemoryEnabled=true&profileGodeltaprofMutexEnabled=true"
                + "&profileGodeltaprofBlockEnabled=true&profileMemoryEnabled=false&profileMutexEnabled=false"
                + "&profileBlockEnabled=false");
        List<ScrapeJob> jobs = ScrapeJob.of(Target.of("__address__", "h:1"), s);
        List<ScrapeJob> delta = jobs.stream().filter(ScrapeJob::godeltaprof).toList();
        assertThat(delta).extracting(ScrapeJob::profileType).containsExactlyInAnyOrder("memory", "mutex", "block");
        assertThat(delta).extracting(ScrapeJob::url).containsExactlyInAnyOrder("http://h:1/debug/pprof/delta_heap",
                "http://h:1/debug/pprof/delta_mutex", "http://h:1/debug/pprof/delta_block");
        assertThat(delta).noneMatch(ScrapeJob::clientDelta);
    }

    @Test
    void customProfilesAndFgprof() throws Exception {
        ScrapeSettings s = Settings.of(T + "&profileFgprofEnabled=true&customProfiles=RAW([{name: heap, path:"
                + " /debug/pprof/heap, enabled: true}, {name: slow, path: /slow, enabled: true, delta: true},"
                + " {name: off, path: /off, enabled: false}])");
        Map<String, ScrapeJob> m = byType(ScrapeJob.of(Target.of("__address__", "h:1"), s));
        assertThat(m).containsKeys("fgprof", "heap", "slow").doesNotContainKey("off");
        assertThat(m.get("fgprof").url()).isEqualTo("http://h:1/debug/fgprof?seconds=14");
        assertThat(m.get("slow").url()).isEqualTo("http://h:1/slow?seconds=14");
        assertThat(m.get("heap").url()).isEqualTo("http://h:1/debug/pprof/heap");
        assertThat(m.get("heap").clientDelta()).isFalse();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "'', /debug/pprof/allocs, /debug/pprof/allocs",
        "/prefix, /debug/pprof/allocs, /prefix/debug/pprof/allocs",
        "prefix/, debug/pprof/allocs, /prefix/debug/pprof/allocs",
        "/a//b/../c, /x/, /a/c/x/",
        "/p, '', /p",
        "'', /x y, /x%20y",
    })
    void pathJoin(String prefix, String path, String expected) {
        String joined = ScrapeJob.joinPath(prefix, path);
        String shown = joined.isEmpty() ? "" : (joined.startsWith("/") ? "" : "/") + GoUrls.escapePath(joined);
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void identityIgnoresReservedLabelsAndFollowsUrlAndPublicLabels() throws Exception {
        ScrapeSettings s = Settings.of(T);
        long a = byType(ScrapeJob.of(Target.of("__address__", "h:1", "env", "a", "__meta_x", "1"), s)).get("memory")
                .identity();
        long b = byType(ScrapeJob.of(Target.of("__address__", "h:1", "env", "a", "__meta_x", "2"), s)).get("memory")
                .identity();
        long c = byType(ScrapeJob.of(Target.of("__address__", "h:1", "env", "b"), s)).get("memory").identity();
        long d = byType(ScrapeJob.of(Target.of("__address__", "h:2", "env", "a"), s)).get("memory").identity();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c).isNotEqualTo(d);
    }

    @Test
    void firstScrapeAtAHashDerivedPointOfTheInterval() {
        for (long now : new long[] {0, 1234, 999_999, 1_700_000_000_123L}) {
            long delay = ScrapeLoop.initialDelayMillis(0xdeadbeefcafeL, 15_000, now);
            assertThat(delay).isBetween(0L, 14_999L);
            assertThat(Math.floorMod(now + delay, 15_000L)).isEqualTo(Long.remainderUnsigned(0xdeadbeefcafeL, 15_000));
        }
        long negative = ScrapeLoop.initialDelayMillis(-42L, 15_000, 5);
        assertThat(negative).isBetween(0L, 14_999L);
    }
}
