package io.pyrocamel.write;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.core.http.GoUrls;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.ReceivedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the wire: labels, samples, headers, the /ingest URL and body (SPEC.md §1.2, §2.5, §4.3). */
class PyroscopeWriteLabelsTest {

    static PyroscopeDouble pyroscope;

    @BeforeAll
    static void startDouble() {
        pyroscope = PyroscopeDouble.builder().requireTenant(true).start();
    }

    @AfterAll
    static void stopDouble() {
        pyroscope.close();
    }

    @BeforeEach
    void reset() {
        pyroscope.reset();
    }

    @Test
    void pushSendsOneSeriesWithReservedLabelsDroppedAndExternalLabelsApplied() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url(),
                "externalLabels.env=staging&externalLabels.region=&externalLabels.cluster=c1"
                + "&headers.X-Scope-OrgID=squad-1")) {
            Labels labels = Labels.builder()
                    .set("__name__", "process_cpu").set("__delta__", "false").set("service_name", "cart")
                    .set("__meta_kubernetes_namespace", "shop").set("__address__", "10.0.0.1:6060")
                    .set("__session_id__", "abc").set("env", "prod").set("region", "eu").set("instance", "i1")
                    .build();
            byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
            byte[] plain = "plain pprof bytes".getBytes(StandardCharsets.UTF_8);
            PushProfile p = new PushProfile(labels, List.of(new RawSample(ByteString.copyFrom(gz), "uuid-1"),
                    RawSample.of(plain)));
            Exchange ex = w.send(p, Map.of("X-Scope-OrgID", "from-exchange"));
            assertThat(ex.getException()).isNull();

            assertThat(pyroscope.accepted()).hasSize(1);
            ReceivedRequest r = pyroscope.accepted().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/push.v1.PusherService/Push");
            PushRequest push = r.push();
            assertThat(push.getSeriesCount()).isEqualTo(1);
            assertThat(r.pushLabels().asMap()).containsExactly(
                    Map.entry("__delta__", "false"), Map.entry("__name__", "process_cpu"),
                    Map.entry("cluster", "c1"), Map.entry("env", "staging"), Map.entry("instance", "i1"),
                    Map.entry("service_name", "cart"));
            // label pairs are sorted on the wire
            assertThat(push.getSeries(0).getLabelsList()).extracting(l -> l.getName())
                    .containsExactly("__delta__", "__name__", "cluster", "env", "instance", "service_name");
            assertThat(push.getSeries(0).getSamplesList()).hasSize(2);
            assertThat(push.getSeries(0).getSamples(0).getRawProfile().toByteArray()).isEqualTo(gz);
            assertThat(push.getSeries(0).getSamples(0).getID()).isEqualTo("uuid-1");
            assertThat(push.getSeries(0).getSamples(1).getRawProfile().toByteArray()).isEqualTo(plain);
            assertThat(push.getSeries(0).getSamples(1).getID()).isEmpty();

            // the endpoint's own X-Scope-OrgID wins over the one travelling with the exchange
            assertThat(r.headerValues("X-Scope-OrgID")).containsExactly("squad-1");
            assertThat(r.header("Content-Type")).isEqualTo("application/proto");
            assertThat(r.header("Connect-Protocol-Version")).isEqualTo("1");
            assertThat(r.header("Accept-Encoding")).isEqualTo("gzip");
            assertThat(r.header("User-Agent")).matches("pyrocamel/[0-9.]+ \\(linux; binary\\)");
            assertThat(Long.parseLong(r.header("Connect-Timeout-Ms"))).isBetween(9_000L, 10_000L);
            assertThat(r.header("Content-Encoding")).isNull();
            assertThat(r.protocol()).isEqualTo("HTTP/1.1"); // cleartext: HTTP/1.1 as Alloy's Go client

            assertThat(w.sentProfiles()).isEqualTo(2);
            assertThat(w.sentBytes()).isEqualTo(gz.length + plain.length);
            assertThat(w.latencyCount("-", "push_total")).isEqualTo(1);
            assertThat(w.latencyCount(pyroscope.url(), "push_endpoint")).isEqualTo(1);
            assertThat(w.latencyCount(pyroscope.url(), "push_downstream")).isEqualTo(1);
        }
    }

    @Test
    void tenantTravelsWithTheExchangeWhenTheEndpointHasNone() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", new byte[] {1, 2}), Map.of("X-Scope-OrgID", "tenant-7"));
            assertThat(ex.getException()).isNull();
            assertThat(pyroscope.accepted().get(0).tenant()).isEqualTo("tenant-7");

            // without a tenant the multi-tenant double refuses: unauthenticated (401) is a 4xx, never retried
            Exchange noTenant = w.send(WriteHarness.cpu("cart", new byte[] {1, 2}));
            assertThat(noTenant.getException()).isInstanceOf(PyroscopeWriteException.class)
                    .hasMessageContaining("(0 retries): unauthenticated: no org id");
            assertThat(((PyroscopeWriteException) noTenant.getException()).getStatusCode()).isEqualTo(401);
            assertThat(pyroscope.requests()).hasSize(2);
        }
    }

    @Test
    void emptyLabelsFailAtOnceAndAreNotCountedAsDropped() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            Exchange ex = w.send(PushProfile.of(Labels.empty(), RawSample.of(new byte[] {1})));
            assertThat(ex.getException()).isInstanceOf(InvalidLabelException.class)
                    .hasMessage("invalid labels in profile: service name is required");
            assertThat(pyroscope.requests()).isEmpty();
            assertThat(w.droppedProfiles()).isZero();
            assertThat(w.retries()).isZero();
        }
    }

    @Test
    void onlyReservedLabelsStillSendsWhatIsLeft() throws Exception {
        // a set with only __name__ passes write's validation (service_name is not required), the server names it
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "headers.X-Scope-OrgID=t")) {
            Exchange ex = w.send(PushProfile.of(Labels.of("__name__", "memory", "__meta_x", "y"),
                    RawSample.of(new byte[] {1})));
            assertThat(ex.getException()).isNull();
            assertThat(pyroscope.accepted().get(0).pushLabels().asMap()).containsExactly(
                    Map.entry("__name__", "memory"));
        }
    }

    @Test
    void ingestForwardsTheBodyUntouchedWithTheNameRebuilt() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url() + "/", "externalLabels.env=staging"
                                                                        + "&headers.X-Scope-OrgID=t1")) {
            byte[] body = "--b\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\npprof\r\n--b--\r\n"
                    .getBytes(StandardCharsets.UTF_8);
            Labels labels = Labels.of("__name__", "app.cpu", "service_name", "cart", "__session_id__", "s1",
                    "env", "prod", "team", "a b");
            IngestProfile p = IngestProfile.of(labels, body, "multipart/form-data; boundary=b",
                    "name", "app.cpu{env=prod}", "spyName", "gospy", "from", "1700000000", "until", "1700000010",
                    "sampleRate", "100", "aggregationType", "sum");
            Exchange ex = w.send(p);
            assertThat(ex.getException()).isNull();

            ReceivedRequest r = pyroscope.accepted().get(0);
            assertThat(r.path()).isEqualTo("/ingest");
            assertThat(r.body()).isEqualTo(body);
            assertThat(r.header("Content-Type")).isEqualTo("multipart/form-data; boundary=b");
            // __name__ = service_name; __ labels kept on the ingest path; external labels applied; sorted keys
            assertThat(r.rawQuery()).isEqualTo("aggregationType=sum&from=1700000000"
                    + "&name=cart%7B__session_id__%3Ds1%2Cenv%3Dstaging%2Cservice_name%3Dcart%2Cteam%3Da+b%7D"
                    + "&sampleRate=100&spyName=gospy&until=1700000010");
            assertThat(r.queryParam("name")).isEqualTo("cart{__session_id__=s1,env=staging,service_name=cart,team=a b}");
            assertThat(r.header("User-Agent")).doesNotStartWith("pyrocamel/");
            assertThat(r.header("Connect-Protocol-Version")).isNull();
            assertThat(w.sentBytes()).isEqualTo(body.length);
            assertThat(w.sentProfiles()).isEqualTo(1);
            assertThat(w.latencyCount("-", "ingest_total")).isEqualTo(1);
            assertThat(w.latencyCount(pyroscope.url() + "/", "ingest_downstream")).isEqualTo(1); // endpoint = URL as configured
        }
    }

    @Test
    void ingestPathIsJoinedWithTheEndpointPath() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url() + "/prefix/?dropped=1", "headers.X-Scope-OrgID=t")) {
            IngestProfile p = IngestProfile.of(Labels.of("__name__", "app"), new byte[] {1}, "", "name", "app");
            w.send(p);
            ReceivedRequest r = pyroscope.requests().get(0);
            assertThat(r.path()).isEqualTo("/prefix/ingest");
            assertThat(r.rawQuery()).isEqualTo("name=app%7B%7D");
        }
    }

    @Test
    void pushUrlKeepsTheBasePath() {
        assertThat(WriteRequests.pushUri("http://h:4040/").toString())
                .isEqualTo("http://h:4040/push.v1.PusherService/Push");
        assertThat(WriteRequests.pushUri("http://h/base").toString())
                .isEqualTo("http://h/base/push.v1.PusherService/Push");
        assertThat(WriteRequests.joinPath("", "/ingest")).isEqualTo("/ingest");
        assertThat(WriteRequests.joinPath("/p//q/", "/ingest")).isEqualTo("/p/q/ingest");
        assertThat(GoUrls.queryEscape("a b~*/é")).isEqualTo("a+b~%2A%2F%C3%A9");
    }
}
