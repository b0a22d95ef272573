package io.pyrocamel.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.PyroscopeConstants;

import static org.assertj.core.api.Assertions.assertThat;

/** JFR as the Pyroscope Java agent sends it to /ingest: raw, gzipped, or a multipart form with jfr and labels. */
class PyroscopeStoreJfrTest extends CamelTestSupport {

    private static final String[] QUERY = {"name", "orders{env=prod}", "from", "1764079262", "until", "1764079272",
                                           "format", "jfr", "sampleRate", "100", "spyName", "javaspy"};
    private static final Labels LABELS = Labels.of(LabelNames.NAME, "orders", LabelNames.SERVICE_NAME, "orders",
            "env", "prod");

    @TempDir
    Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-store:jfr?directory=" + dir);
            }
        };
    }

    private ProfileStore store() {
        return context.getEndpoint("pyroscope-store:jfr?directory=" + dir, PyroscopeStoreEndpoint.class).getStore();
    }

    private StoredProfile sendAndGetOnlyEntry(Object body) throws Exception {
        Exchange ex = template.send("direct:in", e -> e.getMessage().setBody(body));
        assertThat(ex.getException()).isNull();
        List<StoredProfile> all = store().list();
        assertThat(all).hasSize(1);
        StoredProfile p = all.get(0);
        assertThat(ex.getMessage().getHeader(PyroscopeConstants.STORED_FILE)).isEqualTo(p.path().toString());
        assertThat(dir.relativize(p.path()).toString())
                .matches("orders/jfr/\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}\\.jfr");
        return p;
    }

    /** The stored file is a recording the JDK's own reader opens. */
    private static void assertReadableRecording(Path file) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).isNotNull();
    }

    @Test
    void rawJfrIsStoredAsIsWithTheQueryInTheSidecar() throws Exception {
        byte[] jfr = TestProfiles.jfrRecording();

        StoredProfile p = sendAndGetOnlyEntry(IngestProfile.of(LABELS, jfr, "application/octet-stream", QUERY));

        assertThat(store().read(p)).isEqualTo(jfr);
        assertReadableRecording(p.path());
        assertThat(p.format()).isEqualTo(StoredFormat.JFR);
        assertThat(p.labels()).isEqualTo(LABELS.asMap());
        assertThat(p.meta("kind")).isEqualTo("INGEST");
        assertThat(p.meta("ingestFormat")).isEqualTo("JFR");
        assertThat(p.meta("contentType")).isEqualTo("application/octet-stream");
        @SuppressWarnings("unchecked")
        Map<String, Object> query = (Map<String, Object>) p.metadata().get("query");
        assertThat(query).containsEntry("from", "1764079262").containsEntry("until", "1764079272")
                .containsEntry("sampleRate", "100").containsEntry("spyName", "javaspy")
                .containsEntry("name", "orders{env=prod}");
    }

    @Test
    void gzippedJfrIsStoredGunzipped() throws Exception {
        byte[] jfr = TestProfiles.jfrRecording();

        StoredProfile p = sendAndGetOnlyEntry(IngestProfile.of(LABELS, Pprof.gzip(jfr), "application/octet-stream",
                QUERY));

        assertThat(store().read(p)).isEqualTo(jfr);
        assertThat(p.meta("receivedGzipped")).isEqualTo("true");
        assertReadableRecording(p.path());
    }

    @Test
    void multipartJfrFormKeepsTheRecordingAndDecodesTheLabelsPart() throws Exception {
        byte[] jfr = TestProfiles.jfrRecording();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("jfr", Pprof.gzip(jfr)); // the Java agent gzips the jfr part
        parts.put("labels", TestProfiles.jfrLabels());

        StoredProfile p = sendAndGetOnlyEntry(IngestProfile.of(LABELS, TestProfiles.multipart(parts),
                TestProfiles.multipartContentType(), QUERY));

        assertThat(store().read(p)).isEqualTo(jfr);
        assertReadableRecording(p.path());
        assertThat(p.metadata().get("jfrLabels")).isEqualTo(Map.of("7", Map.of("span_name", "GET /cart",
                "tenant", "t1")));
        assertThat(java.util.Base64.getDecoder().decode(p.meta("jfrLabelsBase64")))
                .isEqualTo(TestProfiles.jfrLabels());
        assertThat(p.meta("contentType")).isEqualTo(TestProfiles.multipartContentType());
    }

    @Test
    void rawJfrFileBodyIsStoredUnderTheServiceOfItsFileName() throws Exception {
        byte[] jfr = TestProfiles.jfrRecording();

        template.sendBodyAndHeader("direct:in", Pprof.gzip(jfr), Exchange.FILE_NAME, "orders.jfr.gz");

        StoredProfile p = store().list().get(0);
        assertThat(dir.relativize(p.path()).toString()).startsWith("orders/jfr/").endsWith(".jfr");
        assertThat(store().read(p)).isEqualTo(jfr);
        assertThat(p.meta("kind")).isEqualTo("RAW");
        assertThat(p.meta("sourceFile")).isEqualTo("orders.jfr.gz");
        assertThat(p.labels()).containsEntry(LabelNames.SERVICE_NAME, "orders").containsEntry(LabelNames.NAME, "jfr");
    }
}
