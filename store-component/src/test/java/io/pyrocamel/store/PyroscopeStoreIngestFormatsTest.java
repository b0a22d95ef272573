package io.pyrocamel.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;

import static org.assertj.core.api.Assertions.assertThat;

/** The other /ingest formats: pprof raw and as a form, folded, lines, speedscope, trie. */
class PyroscopeStoreIngestFormatsTest extends CamelTestSupport {

    @TempDir
    Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-store:ingest?directory=" + dir);
            }
        };
    }

    private StoredProfile send(IngestProfile profile) throws Exception {
        template.sendBody("direct:in", profile);
        ProfileStore store = context.getEndpoint("pyroscope-store:ingest?directory=" + dir,
                PyroscopeStoreEndpoint.class).getStore();
        List<StoredProfile> all = store.list();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Labels as pyroscope-receive-http makes them: service_name defaults to the app name. */
    private static Labels labels(String app) {
        return Labels.of(LabelNames.NAME, app, LabelNames.SERVICE_NAME, app);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String rel(StoredProfile p) {
        return dir.relativize(p.path()).toString();
    }

    @Test
    void rawPprofIsStoredGzippedWithTheTypeFromItsSampleTypes() throws Exception {
        byte[] plain = TestProfiles.cpu(7);
        StoredProfile p = send(IngestProfile.of(labels("shop"), plain, "application/octet-stream", "format", "pprof",
                "spyName", "nodespy"));

        assertThat(rel(p)).startsWith("shop/process_cpu/").endsWith(".pb.gz");
        assertThat(Pprof.decode(java.nio.file.Files.readAllBytes(p.path()))).isEqualTo(TestProfiles.cpuProfile(7));
        assertThat(p.meta("ingestFormat")).isEqualTo("PPROF");
    }

    @Test
    void pprofFormStoresTheProfilePartAndKeepsTheSampleTypeConfig() throws Exception {
        byte[] gz = Pprof.gzip(TestProfiles.cpu(8));
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("profile", gz);
        parts.put("sample_type_config", utf8("{\"cpu\":{\"units\":\"nanoseconds\"}}"));
        StoredProfile p = send(IngestProfile.of(labels("shop"), TestProfiles.multipart(parts),
                TestProfiles.multipartContentType(), "spyName", "gospy"));

        assertThat(rel(p)).startsWith("shop/process_cpu/").endsWith(".pb.gz");
        assertThat(java.nio.file.Files.readAllBytes(p.path())).isEqualTo(gz);
        assertThat(p.meta("ingestFormat")).isEqualTo("PPROF_FORM");
        assertThat(p.meta("sampleTypeConfig")).isEqualTo("{\"cpu\":{\"units\":\"nanoseconds\"}}");
    }

    @Test
    void foldedIsStoredAsTextWithTheTypeFromTheAppNameSuffix() throws Exception {
        byte[] folded = utf8("main;work;compute 30\nmain;idle 10\r\n\n");
        StoredProfile p = send(IngestProfile.of(labels("shop.alloc_objects"), folded, "text/plain", "format",
                "folded"));

        assertThat(rel(p)).startsWith("shop.alloc_objects/alloc_objects/").endsWith(".folded.txt");
        assertThat(java.nio.file.Files.readAllBytes(p.path())).isEqualTo(folded);
        assertThat(p.format()).isEqualTo(StoredFormat.FOLDED);
    }

    @Test
    void foldedWithoutAFormatAndWithoutSuffixIsCpu() throws Exception {
        byte[] folded = utf8("a;b 1\n");
        StoredProfile p = send(IngestProfile.of(labels("shop"), folded, ""));
        assertThat(rel(p)).startsWith("shop/cpu/").endsWith(".folded.txt");
    }

    @Test
    void gzippedLinesAreStoredAsPlainText() throws Exception {
        byte[] lines = utf8("main;work\nmain;work\nmain\n");
        StoredProfile p = send(IngestProfile.of(labels("shop.cpu"), Pprof.gzip(lines), "", "format", "lines"));

        assertThat(rel(p)).startsWith("shop.cpu/cpu/").endsWith(".lines.txt");
        assertThat(java.nio.file.Files.readAllBytes(p.path())).isEqualTo(lines);
        assertThat(p.meta("receivedGzipped")).isEqualTo("true");
    }

    @Test
    void speedscopeIsStoredAsJson() throws Exception {
        byte[] json = utf8("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"profiles\":[],"
                           + "\"shared\":{\"frames\":[]}}");
        StoredProfile p = send(IngestProfile.of(labels("shop"), json, "application/json", "format", "speedscope"));

        assertThat(rel(p)).startsWith("shop/speedscope/").endsWith(".speedscope.json");
        assertThat(java.nio.file.Files.readAllBytes(p.path())).isEqualTo(json);
    }

    @Test
    void trieIsStoredAsReceived() throws Exception {
        byte[] trie = {0, 1, 2, 3, (byte) 0xff, 42};
        StoredProfile p = send(IngestProfile.of(labels("shop.cpu"), trie, "binary/octet-stream+trie"));

        assertThat(rel(p)).startsWith("shop.cpu/cpu/").endsWith(".trie.bin");
        assertThat(java.nio.file.Files.readAllBytes(p.path())).isEqualTo(trie);
    }
}
