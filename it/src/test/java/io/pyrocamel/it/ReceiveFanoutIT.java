package io.pyrocamel.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.push.v1.RawSample;
import io.pyrocamel.core.proto.types.v1.LabelPair;
import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.ReceivedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upstream pyroscope.receive_http example, {@code routes/receive-fanout.yaml}, run by the packaged jar: a Connect
 * push and an /ingest request to the receiver each reach both the staging and the production Pyroscope (two doubles).
 */
class ReceiveFanoutIT {

    @TempDir
    Path work;

    @Test
    void everyProfileReachesStagingAndProduction() throws Exception {
        Path repo = Path.of(System.getProperty("pyrocamel.repo.dir", ".."));
        int port = AppProcess.freePort();
        try (PyroscopeDouble staging = PyroscopeDouble.start();
             PyroscopeDouble production = PyroscopeDouble.start();
             AppProcess app = AppProcess.start(work, List.of(
                     "-Dpyrocamel.receive.address=127.0.0.1", "-Dpyrocamel.receive.port=" + port,
                     "-Dpyrocamel.staging.url=" + staging.url(), "-Dpyrocamel.production.url=" + production.url()),
                     repo.resolve("routes/receive-fanout.yaml").toString())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> app.output().contains("pyrocamel started")
                                                               || !app.isAlive());
            assertThat(app.isAlive()).as(app.output()).isTrue();

            byte[] pprof = Pprof.gzip(Profiles.cpu(5).toByteArray());
            PushRequest push = PushRequest.newBuilder().addSeries(RawProfileSeries.newBuilder()
                    .addLabels(LabelPair.newBuilder().setName("__name__").setValue("process_cpu"))
                    .addLabels(LabelPair.newBuilder().setName("service_name").setValue("checkout"))
                    .addSamples(RawSample.newBuilder().setRawProfile(ByteString.copyFrom(pprof)))).build();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/push.v1.PusherService/Push"))
                    .header("Content-Type", "application/proto").header("Connect-Protocol-Version", "1")
                    .header("X-Scope-OrgID", "shop")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(push.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);

            HttpResponse<String> ingested = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/ingest?name=checkout.cpu%7Benv%3Dprod%7D&format=folded&sampleRate=100"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("main;work 3\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

            for (PyroscopeDouble pyroscope : List.of(staging, production)) {
                List<ReceivedRequest> got = pyroscope.awaitRequests(2, Duration.ofSeconds(30));
                ReceivedRequest p = got.stream().filter(ReceivedRequest::isPush).findFirst().orElseThrow();
                assertThat(p.pushLabels()).isEqualTo(Labels.of("__name__", "process_cpu", "service_name", "checkout",
                        "app_name", "process_cpu"));
                assertThat(p.push().getSeries(0).getSamples(0).getRawProfile().toByteArray()).isEqualTo(pprof);
                assertThat(p.tenant()).isEqualTo("shop");
                ReceivedRequest i = got.stream().filter(r -> r.path().equals("/ingest")).findFirst().orElseThrow();
                assertThat(i.queryParam("name")).isEqualTo("checkout.cpu{env=prod,service_name=checkout.cpu}");
                assertThat(i.bodyText()).isEqualTo("main;work 3\n");
            }
        }
    }
}
