package io.pyrocamel.receive;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pyrocamel.core.IngestFormat;
import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.ProfileKind;
import io.pyrocamel.core.PyroscopeConstants;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /ingest} in every format: the body passes untouched, {@code name} becomes labels. */
class IngestTest extends ReceiveTestSupport {

    static List<Arguments> formats() {
        byte[] folded = "main;work 3\nmain 1\n".getBytes(StandardCharsets.UTF_8);
        return List.of(
                Arguments.of("pprof", "application/octet-stream", Profiles.cpuPprofGzip(), IngestFormat.PPROF),
                Arguments.of("jfr", Profiles.formContentType(),
                        Profiles.form("jfr", Pprof.gzip("FLR\0fake".getBytes(StandardCharsets.ISO_8859_1)),
                                "labels", new byte[] { 10, 0 }), IngestFormat.JFR),
                Arguments.of("jfr", "application/octet-stream", "FLR\0raw".getBytes(StandardCharsets.ISO_8859_1),
                        IngestFormat.JFR),
                Arguments.of("folded", "text/plain", folded, IngestFormat.FOLDED),
                Arguments.of("collapsed", "", folded, IngestFormat.FOLDED),
                Arguments.of("", "", folded, IngestFormat.FOLDED),
                Arguments.of("lines", "", "main;work\nmain;work\n".getBytes(StandardCharsets.UTF_8),
                        IngestFormat.LINES),
                Arguments.of("trie", "binary/octet-stream+trie", new byte[] { 0, 1, 2, 3 }, IngestFormat.TRIE),
                Arguments.of("tree", "binary/octet-stream+tree", new byte[] { 4, 5, 6 }, IngestFormat.TREE),
                Arguments.of("speedscope", "application/json", "{\"$schema\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                        IngestFormat.SPEEDSCOPE),
                Arguments.of("", Profiles.formContentType(), Profiles.form("profile", Profiles.cpuPprofGzip(),
                        "sample_type_config", "{}".getBytes(StandardCharsets.UTF_8)), IngestFormat.PPROF_FORM));
    }

    @ParameterizedTest(name = "format={0} type={1}")
    @MethodSource("formats")
    void everyFormatPassesThroughUntouched(String format, String contentType, byte[] body, IngestFormat expected)
            throws Exception {
        out().expectedMessageCount(1);
        String q = "/ingest?name=my-app.cpu%7Benv%3Dprod%2Cregion%3Deu%7D&from=1700000000&until=1700000010"
                   + "&sampleRate=100&spyName=gospy" + (format.isEmpty() ? "" : "&format=" + format);
        HttpResponse<String> r = post(q, contentType.isEmpty() ? null : contentType, body, "X-Scope-OrgID", "t1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        out().assertIsSatisfied();
        IngestProfile p = received().get(0).getIn().getBody(IngestProfile.class);
        assertThat(p.body().toByteArray()).isEqualTo(body);
        assertThat(p.format()).isEqualTo(expected);
        assertThat(p.contentType()).isEqualTo(contentType);
        assertThat(p.labels()).isEqualTo(Labels.of("__name__", "my-app.cpu", "service_name", "my-app.cpu",
                "env", "prod", "region", "eu"));
        assertThat(p.queryParam("sampleRate")).isEqualTo("100");
        assertThat(p.queryParam("name")).isEqualTo("my-app.cpu{env=prod,region=eu}");
        assertThat(received().get(0).getIn().getHeader(PyroscopeConstants.TENANT_ID)).isEqualTo("t1");
        assertThat(received().get(0).getIn().getHeader(PyroscopeConstants.PROFILE_KIND)).isEqualTo(ProfileKind.INGEST);
        assertThat(received().get(0).getIn().getHeader(PyroscopeConstants.PROFILE_TYPE)).isEqualTo("my-app.cpu");
    }

    @Test
    void serviceNameInNameKeepsItAndAddsAppName() throws Exception {
        out().expectedMessageCount(1);
        HttpResponse<String> r = post("/ingest?name=app.cpu%7Bservice_name%3Dcart%7D&format=pprof",
                "application/octet-stream", Profiles.cpuPprof());
        assertThat(r.statusCode()).isEqualTo(200);
        out().assertIsSatisfied();
        IngestProfile p = received().get(0).getIn().getBody(IngestProfile.class);
        assertThat(p.labels()).isEqualTo(Labels.of("__name__", "app.cpu", "service_name", "cart",
                "app_name", "app.cpu"));
    }

    @Test
    void chunkedBodyWithoutContentLengthFromJdkClient() throws Exception {
        out().expectedMessageCount(1);
        byte[] body = Profiles.form("jfr", new byte[300_000], "labels", new byte[0]);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + "/ingest?name=java.app&format=jfr"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", Profiles.formContentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        out().assertIsSatisfied();
        assertThat(received().get(0).getIn().getBody(IngestProfile.class).body().toByteArray()).isEqualTo(body);
    }

    @Test
    void chunkedBodyFromRawSocketAndKeepAlive() throws Exception {
        out().expectedMessageCount(1);
        byte[] body = Profiles.cpuPprofGzip();
        RawHttp.Response r = RawHttp.send(port(), RawHttp.request("POST", "/ingest?name=svc&format=pprof",
                Map.of("Transfer-Encoding", "chunked"), RawHttp.chunked(body, 7)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        out().assertIsSatisfied();
        assertThat(received().get(0).getIn().getBody(IngestProfile.class).body().toByteArray()).isEqualTo(body);
    }
}
