package io.pyrocamel.receive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.ByteString;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.IngestName;
import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.PyroscopeConstants;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.ReceivedRequest;
import io.pyrocamel.testsupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The project's own pyroscope-write pushing into pyroscope-receive-http, whose route writes on with a second
 * pyroscope-write into the Pyroscope double: write → receive → write → double, over real HTTP on loopback, for both
 * the Connect push path and /ingest.
 */
class WriteReceiveWriteChainTest extends ReceiveTestSupport {

    private static PyroscopeDouble pyroscope;
    private static final List<Map<String, Object>> receiverHeaders = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDouble() {
        pyroscope = PyroscopeDouble.start();
    }

    @AfterAll
    static void stopDouble() {
        pyroscope.close();
    }

    @BeforeEach
    void clear() {
        pyroscope.reset();
        receiverHeaders.clear();
    }

    @Override
    protected void routeSteps(RouteDefinition route) {
        route.process(e -> receiverHeaders.add(Map.copyOf(e.getIn().getHeaders())))
                .to("pyroscope-write:downstream?url=" + pyroscope.url() + "&maxBackoffRetries=1");
    }

    private void addUpstream() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upstream").routeId("upstream")
                        .to("pyroscope-write:upstream?url=" + base() + "&maxBackoffRetries=1&remoteTimeout=20s");
            }
        });
    }

    @Test
    void pushTravelsThroughTheChainWithLabelsTenantAndDeadline() throws Exception {
        addUpstream();
        byte[] pprof = Profiles.cpuPprof();
        PushProfile profile = PushProfile.of(Labels.of("__name__", "process_cpu", "service_name", "cart",
                        "env", "prod", "__address__", "10.0.0.1:6060", "__delta__", "false"),
                new RawSample(ByteString.copyFrom(pprof), "id-7"));
        Instant before = Instant.now();
        template.sendBodyAndHeader("direct:upstream", profile, PyroscopeConstants.TENANT_ID, "team-a");

        List<ReceivedRequest> got = pyroscope.awaitRequests(1, Duration.ofSeconds(20));
        ReceivedRequest req = got.get(0);
        assertThat(req.isPush()).isTrue();
        assertThat(req.status()).isEqualTo(200);
        // upstream write dropped __address__; the receiver added app_name (service_name present); the downstream
        // write kept __name__ and __delta__
        assertThat(req.pushLabels()).isEqualTo(Labels.of("__name__", "process_cpu", "__delta__", "false",
                "app_name", "process_cpu", "env", "prod", "service_name", "cart"));
        assertThat(req.push().getSeries(0).getSamples(0).getRawProfile().toByteArray()).isEqualTo(pprof);
        assertThat(req.push().getSeries(0).getSamples(0).getID()).isEqualTo("id-7");
        assertThat(req.tenant()).isEqualTo("team-a");

        // the client's Connect-Timeout-Ms became the route's deadline (upstream remoteTimeout 20s)
        Map<String, Object> headers = receiverHeaders.get(0);
        assertThat(headers.get(PyroscopeConstants.TENANT_ID)).isEqualTo("team-a");
        Instant deadline = (Instant) headers.get(PyroscopeConstants.DEADLINE);
        assertThat(deadline).isBetween(before.plusSeconds(15), Instant.now().plusSeconds(21));
    }

    @Test
    void ingestTravelsThroughTheChainWithTheBodyUntouched() throws Exception {
        addUpstream();
        byte[] folded = "main;work 3\nmain 1\n".getBytes(StandardCharsets.UTF_8);
        IngestProfile profile = IngestProfile.of(IngestName.parse("cart.cpu{env=prod}"), folded, "text/plain",
                "name", "cart.cpu{env=prod}", "format", "folded", "sampleRate", "100", "spyName", "gospy");
        template.sendBodyAndHeader("direct:upstream", profile, PyroscopeConstants.TENANT_ID, "team-b");

        ReceivedRequest req = pyroscope.awaitRequests(1, Duration.ofSeconds(20)).get(0);
        assertThat(req.path()).isEqualTo("/ingest");
        assertThat(req.status()).isEqualTo(200);
        assertThat(req.body()).isEqualTo(folded);
        assertThat(req.header("Content-Type")).startsWith("text/plain");
        // receiver: no service_name -> service_name = __name__; downstream write: __name__ = service_name
        assertThat(req.queryParam("name")).isEqualTo("cart.cpu{env=prod,service_name=cart.cpu}");
        assertThat(req.queryParam("format")).isEqualTo("folded");
        assertThat(req.queryParam("sampleRate")).isEqualTo("100");
        assertThat(req.queryParam("spyName")).isEqualTo("gospy");
        assertThat(req.tenant()).isEqualTo("team-b");
    }

    @Test
    void aPermanentRejectionAtTheEndComesBackAsTheSameStatusAndIsNotRetried() throws Exception {
        addUpstream();
        pyroscope.enqueue(Reply.status(400, "bad profile"));
        IngestProfile profile = IngestProfile.of(IngestName.parse("cart.cpu"), "main 1\n".getBytes(),
                "text/plain", "name", "cart.cpu");
        Exchange result = template.send("direct:upstream", e -> e.getIn().setBody(profile));
        assertThat(result.getException()).isNotNull();
        assertThatThrownBy(() -> { throw result.getException(); }).hasMessageContaining("400");
        // one request at the double: neither write retried the 400, and the receiver mirrored it
        Thread.sleep(500);
        assertThat(pyroscope.requests()).hasSize(1);
    }
}
