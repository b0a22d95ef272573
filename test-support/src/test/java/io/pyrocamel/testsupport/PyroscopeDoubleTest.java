package io.pyrocamel.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.push.v1.RawSample;
import io.pyrocamel.core.proto.types.v1.LabelPair;

import static org.assertj.core.api.Assertions.assertThat;

/** The double refuses what Pyroscope refuses (SPEC.md §1.2, §1.3, §2) and records what it accepts. */
class PyroscopeDoubleTest {

    static PyroscopeDouble pyroscope;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        pyroscope = PyroscopeDouble.builder().requireTenant(true).start();
    }

    @AfterAll
    static void stop() {
        pyroscope.close();
    }

    @BeforeEach
    void reset() {
        pyroscope.reset();
    }

    static PushRequest push(String... labels) {
        RawProfileSeries.Builder s = RawProfileSeries.newBuilder();
        for (int i = 0; i < labels.length; i += 2) {
            s.addLabels(LabelPair.newBuilder().setName(labels[i]).setValue(labels[i + 1]));
        }
        s.addSamples(RawSample.newBuilder().setRawProfile(com.google.protobuf.ByteString.copyFromUtf8("x")));
        return PushRequest.newBuilder().addSeries(s).build();
    }

    static HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(pyroscope.uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsAPushAndRecordsIt() throws Exception {
        HttpResponse<String> r = post(PyroscopeDouble.PUSH_PATH, "application/proto",
                push("__name__", "process_cpu", "service_name", "cart").toByteArray(), "X-Scope-OrgID", "t1",
                "Connect-Protocol-Version", "1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/proto");
        ReceivedRequest rec = pyroscope.accepted().get(0);
        assertThat(rec.tenant()).isEqualTo("t1");
        assertThat(rec.pushLabels().get("service_name")).isEqualTo("cart");
    }

    @Test
    void acceptsGzipAndJsonBodies() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(push("__name__", "memory", "service_name", "a").toByteArray());
        }
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", gz.toByteArray(), "X-Scope-OrgID", "t",
                "Content-Encoding", "gzip").statusCode()).isEqualTo(200);
        String json = "{\"series\":[{\"labels\":[{\"name\":\"__name__\",\"value\":\"wall\"}],"
                      + "\"samples\":[{\"rawProfile\":\"eA==\"}]}]}";
        HttpResponse<String> r = post(PyroscopeDouble.PUSH_PATH, "application/json; charset=utf-8", json.getBytes(),
                "X-Scope-OrgID", "t");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
    }

    @Test
    void refusesWhatPyroscopeRefuses() throws Exception {
        byte[] ok = push("__name__", "process_cpu", "service_name", "cart").toByteArray();
        assertThat(post(PyroscopeDouble.PUSH_PATH, "text/plain", ok, "X-Scope-OrgID", "t").statusCode())
                .isEqualTo(415);
        HttpResponse<String> bad = post(PyroscopeDouble.PUSH_PATH, "application/proto", new byte[] {(byte) 0xff, 1},
                "X-Scope-OrgID", "t");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("{\"code\":\"invalid_argument\"");
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", ok).body())
                .isEqualTo("{\"code\":\"unauthenticated\",\"message\":\"no org id\"}");
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", push().toByteArray(), "X-Scope-OrgID", "t")
                .body()).contains("invalid_argument").contains("service name is required");
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", push("service_name", "a").toByteArray(),
                "X-Scope-OrgID", "t").statusCode()).isEqualTo(400);
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", ok, "X-Scope-OrgID", "t",
                "Connect-Protocol-Version", "2").statusCode()).isEqualTo(400);
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", ok, "X-Scope-OrgID", "t",
                "Content-Encoding", "br").statusCode()).isEqualTo(501);
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(pyroscope.uri(PyroscopeDouble.PUSH_PATH)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(post("/ingest", "application/octet-stream", new byte[] {1}, "X-Scope-OrgID", "t").body())
                .isEqualTo("{\"code\":\"invalid_argument\",\"message\":\"service name is required\"}");
        assertThat(post("/ingest?name=app%7Benv%3Dprod%7D", "", new byte[] {1}, "X-Scope-OrgID", "t").statusCode())
                .isEqualTo(200);
        assertThat(pyroscope.accepted().get(0).ingestLabels().get("env")).isEqualTo("prod");
        assertThat(post("/nope", "text/plain", new byte[0]).statusCode()).isEqualTo(404);
        assertThat(pyroscope.accepted()).hasSize(1);
    }

    @Test
    void scriptedRepliesThenNormalAgain() throws Exception {
        pyroscope.enqueue(Reply.status(503), Reply.connectError(429, "resource_exhausted", "slow down"));
        byte[] ok = push("__name__", "process_cpu", "service_name", "cart").toByteArray();
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", ok, "X-Scope-OrgID", "t").statusCode())
                .isEqualTo(503);
        HttpResponse<String> r = post(PyroscopeDouble.PUSH_PATH, "application/proto", ok, "X-Scope-OrgID", "t");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("resource_exhausted");
        assertThat(post(PyroscopeDouble.PUSH_PATH, "application/proto", ok, "X-Scope-OrgID", "t").statusCode())
                .isEqualTo(200);
        assertThat(pyroscope.requests()).hasSize(3);
    }

    @Test
    void servesH2cAfterAnUpgrade() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // the JDK client upgrades (Upgrade: h2c) on a request without body; the connection then speaks HTTP/2
        h2.send(HttpRequest.newBuilder(pyroscope.uri("/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        pyroscope.reset();
        byte[] ok = push("__name__", "process_cpu", "service_name", "cart").toByteArray();
        HttpResponse<String> r = h2.send(HttpRequest.newBuilder(pyroscope.uri(PyroscopeDouble.PUSH_PATH))
                .header("Content-Type", "application/proto").header("X-Scope-OrgID", "t")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ok)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(pyroscope.accepted().get(0).protocol()).isEqualTo("HTTP/2.0");
    }
}
