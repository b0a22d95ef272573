package io.pyrocamel.scrape;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every start-up rule (Alloy's Validate, SPEC.md §8.3, plus this component's) fails naming the options. */
class PyroscopeScrapeValidationTest {

    private static final String T = "targets=RAW([])";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Alloy: scrape_timeout must be greater than 0
        "scrapeTimeout=0s | scrapeTimeout must be greater than 0",
        "scrapeInterval=0s | scrapeInterval must be greater than 0",
        // delta rules only with an enabled delta type (process_cpu by default)
        "scrapeInterval=1s&deltaProfilingDuration=500ms | scrapeInterval must be at least 2s when a delta profile"
            + " type is enabled",
        "scrapeInterval=30s&deltaProfilingDuration=1s | deltaProfilingDuration must be more than 1s",
        "scrapeInterval=10s | deltaProfilingDuration (14s) must be at least 1s shorter than scrapeInterval (10s)",
        "scrapeInterval=20s&deltaProfilingDuration=20s | deltaProfilingDuration (20s) must be at least 1s shorter",
        "profileFgprofEnabled=true&profileProcessCpuEnabled=false&scrapeInterval=5s | (delta profile types enabled:"
            + " fgprof)",
        "scheme=ftp | scheme must be http or https",
        "clusteringEnabled=true | clusteringEnabled=true is not supported",
        "maxConcurrentScrapes=0 | maxConcurrentScrapes must be at least 1",
        "workerThreads=0 | workerThreads must be at least 1",
        "maxProfileSize=0 | maxProfileSize must be at least 1 byte",
        "customProfiles=RAW([{name: x, enabled: true}]) | custom profile x needs a path",
        "customProfiles=RAW([{path: /x, enabled: true}]) | entry [0] needs a name",
        "customProfiles=RAW([{name: x, path: /x}]) | custom profile x needs enabled",
        "customProfiles=RAW([{name: x, path: /x, enabled: yes}]) | enabled must be true or false",
        "customProfiles=RAW([{name: x, path: /x, enabled: true}, {name: x, path: /y, enabled: true}])"
            + " | custom profile name x is used twice",
        "customProfiles=RAW([{name: x, path: /x, enabled: true, deltas: true}]) | unknown field \"deltas\"",
        "customProfiles=RAW({name: x}) | customProfiles must be a list",
        "profileMemoryPath= | the path of profile type memory must not be empty",
        "bearerToken=a&bearerTokenFile=/f | at most one of basicAuth*, authorization*, oauth2*, bearerToken &"
            + " bearerTokenFile",
        "tlsCaPem=x&tlsCaFile=/f | at most one of tlsCaPem and tlsCaFile",
        "noProxy=localhost | if noProxy is configured, proxyUrl must also be configured",
        "httpHeaders.User-Agent=x | httpHeaders.User-Agent: setting header \"User-Agent\" is not allowed",
        "tlsMinVersion=TLS14 | tlsMinVersion=TLS14 is not a TLS version",
    })
    void invalidConfigurationFailsNamingTheOptions(String options, String message) {
        assertThatThrownBy(() -> Settings.of(T + "&" + options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pyroscope-scrape:test: invalid configuration: ")
                .hasMessageContaining(message);
    }

    @Test
    void targetsOrTargetSetIsRequired() {
        assertThatThrownBy(() -> Settings.of("")).hasMessageContaining("targets or targetSet must be configured");
    }

    @Test
    void badTargetsName() {
        assertThatThrownBy(() -> Settings.of("targets=RAW({a: b})")).hasMessageContaining("targets must be a list");
        assertThatThrownBy(() -> Settings.of("targets=RAW([{a-b: c}])"))
                .hasMessageContaining("targets: target [0]: invalid label name \"a-b\"");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "scrapeInterval, abc", "scrapeTimeout, -1s", "deltaProfilingDuration, 5 seconds", "targetSyncInterval, x",
    })
    void durationsAreParsedStrictly(String option, String value) {
        assertThatThrownBy(() -> Settings.of(T + "&" + option + "=" + value))
                .hasMessageContaining("pyroscope-scrape:test: option " + option + " must be a duration");
    }

    @Test
    void validCornerCases() throws Exception {
        // no delta type enabled: short intervals are fine
        assertThat(Settings.of(T + "&scrapeInterval=1s&profileProcessCpuEnabled=false").scrapeInterval())
                .hasSeconds(1);
        // 2s interval: no delta duration fits (it must be > 1s and <= interval - 1s = 1s)
        assertThatThrownBy(() -> Settings.of(T + "&scrapeInterval=2s&deltaProfilingDuration=1500ms"))
                .hasMessageContaining("must be at least 1s shorter");
        assertThat(Settings.of(T + "&scrapeInterval=3s&deltaProfilingDuration=2s").deltaSeconds()).isEqualTo(2);
        // the docs' rule "scrape_timeout larger than scrape_interval" is not enforced (source)
        assertThat(Settings.of(T + "&scrapeTimeout=1s").scrapeTimeout()).hasSeconds(1);
        ScrapeSettings d = Settings.of("name1", T);
        assertThat(d.jobName()).isEqualTo("name1");
        assertThat(d.scrapeInterval()).hasSeconds(15);
        assertThat(d.scrapeTimeout()).hasSeconds(10);
        assertThat(d.deltaProfilingDuration()).hasSeconds(14);
        assertThat(d.targetSyncInterval()).hasSeconds(5);
        assertThat(d.enabledTypes()).extracting(ProfileType::name)
                .containsExactly("process_cpu", "memory", "goroutine", "mutex", "block");
        assertThat(d.profileTypes().get("fgprof")).isEqualTo(new ProfileType("fgprof", "/debug/fgprof", false, true));
        assertThat(d.profileTypes().get("godeltaprof_memory"))
                .isEqualTo(new ProfileType("godeltaprof_memory", "/debug/pprof/delta_heap", false, false));
    }

    @Test
    void customProfilesFromAFileAndInline(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("custom.yaml");
        Files.writeString(f, "- name: heap\n  path: /debug/pprof/heap\n  enabled: true\n"
                             + "- name: trace\n  path: /trace\n  enabled: false\n  delta: true\n");
        ScrapeSettings s = Settings.of(T + "&customProfilesFile=" + f + "&customProfiles=RAW([{\"name\": \"x\","
                                       + " \"path\": \"/x\", \"enabled\": true}])");
        assertThat(s.profileTypes()).containsEntry("heap", new ProfileType("heap", "/debug/pprof/heap", true, false))
                .containsEntry("trace", new ProfileType("trace", "/trace", false, true))
                .containsEntry("x", new ProfileType("x", "/x", true, false));
        assertThatThrownBy(() -> Settings.of(T + "&customProfilesFile=" + dir.resolve("missing.yaml")))
                .hasMessageContaining("customProfilesFile").hasMessageContaining("cannot be read");
    }

    @Test
    void aCustomTypeWithABuiltInNameReplacesIt() throws Exception {
        ScrapeSettings s = Settings.of(T + "&customProfiles=RAW([{name: memory, path: /heap, enabled: true}])");
        assertThat(s.profileTypes().get("memory")).isEqualTo(new ProfileType("memory", "/heap", true, false));
    }
}
