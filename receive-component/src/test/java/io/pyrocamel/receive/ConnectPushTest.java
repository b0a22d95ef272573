package io.pyrocamel.receive;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.ProfileKind;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.PyroscopeConstants;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.push.v1.RawSample;
import io.pyrocamel.core.proto.types.v1.LabelPair;

import static org.assertj.core.api.Assertions.assertThat;

/** Connect unary pushes, protobuf and JSON, gzip or not, from a real HTTP client: one exchange per series. */
class ConnectPushTest extends ReceiveTestSupport {

    static PushRequest request() {
        return PushRequest.newBuilder()
                .addSeries(RawProfileSeries.newBuilder()
                        .addLabels(pair("__name__", "process_cpu"))
                        .addLabels(pair("service_name", "cart"))
                        .addLabels(pair("env", "staging"))
                        .addLabels(pair("env", "prod")) // repeated: the last wins
                        .addSamples(RawSample.newBuilder().setRawProfile(ByteString.copyFrom(Profiles.cpuPprofGzip()))
                                .setID("id-1")))
                .addSeries(RawProfileSeries.newBuilder()
                        .addLabels(pair("__name__", "memory"))
                        .addLabels(pair("region", "eu"))
                        .addSamples(RawSample.newBuilder().setRawProfile(ByteString.copyFrom(Profiles.cpuPprof())))
                        .addSamples(RawSample.newBuilder().setRawProfile(ByteString.copyFrom(Profiles.cpuPprofGzip()))))
                .build();
    }

    static LabelPair pair(String name, String value) {
        return LabelPair.newBuilder().setName(name).setValue(value).build();
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @CsvSource({ "application/proto,false", "application/proto,true", "application/json,false",
                 "application/json,true", "application/json; charset=utf-8,false" })
    void eachSeriesBecomesOneExchangeWithItsLabels(String contentType, boolean gzip) throws Exception {
        out().expectedMessageCount(2);
        byte[] body = contentType.startsWith("application/proto") ? request().toByteArray()
                : JsonFormat.printer().print(request()).getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            body = Pprof.gzip(body);
        }
        HttpResponse<String> r = gzip
                ? post("/push.v1.PusherService/Push", contentType, body, "Connect-Protocol-Version", "1",
                        "Content-Encoding", "gzip", "X-Scope-OrgID", "tenant-a")
                : post("/push.v1.PusherService/Push", contentType, body, "Connect-Protocol-Version", "1",
                        "X-Scope-OrgID", "tenant-a");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        boolean json = contentType.startsWith("application/json");
        assertThat(r.headers().firstValue("Content-Type")).hasValue(json ? "application/json" : "application/proto");
        assertThat(r.body()).isEqualTo(json ? "{}" : "");
        out().assertIsSatisfied();

        List<Exchange> ex = received();
        PushProfile cpu = ex.get(0).getIn().getBody(PushProfile.class);
        assertThat(cpu.labels()).isEqualTo(Labels.of("__name__", "process_cpu", "service_name", "cart",
                "env", "prod", "app_name", "process_cpu"));
        assertThat(cpu.samples()).hasSize(1);
        assertThat(cpu.samples().get(0).id()).isEqualTo("id-1");
        assertThat(cpu.samples().get(0).rawProfile().toByteArray()).isEqualTo(Profiles.cpuPprofGzip());
        assertThat(ex.get(0).getIn().getHeader(PyroscopeConstants.TENANT_ID)).isEqualTo("tenant-a");
        assertThat(ex.get(0).getIn().getHeader(PyroscopeConstants.PROFILE_KIND)).isEqualTo(ProfileKind.PUSH);
        assertThat(ex.get(0).getIn().getHeader(PyroscopeConstants.PROFILE_TYPE)).isEqualTo("process_cpu");
        assertThat(ex.get(0).getIn().getHeader(PyroscopeConstants.SERVICE_NAME)).isEqualTo("cart");

        PushProfile mem = ex.get(1).getIn().getBody(PushProfile.class);
        assertThat(mem.labels()).isEqualTo(Labels.of("__name__", "memory", "service_name", "memory",
                "region", "eu"));
        assertThat(mem.samples()).hasSize(2);
        assertThat(mem.samples().get(0).rawProfile().toByteArray()).isEqualTo(Profiles.cpuPprof());
        assertThat(Pprof.decode(mem.samples().get(1).rawProfile()).getSampleCount()).isEqualTo(2);
    }

    @Test
    void jsonTakesProtoFieldNamesAndIgnoresUnknownFields() throws Exception {
        out().expectedMessageCount(1);
        String b64 = java.util.Base64.getEncoder().encodeToString(Profiles.cpuPprof());
        String json = "{\"series\":[{\"labels\":[{\"name\":\"service_name\",\"value\":\"svc\"},"
                      + "{\"name\":\"__name__\",\"value\":\"wall\"}],\"samples\":[{\"raw_profile\":\"" + b64
                      + "\",\"ID\":\"x\"}],\"annotations\":[{\"key\":\"k\",\"value\":\"v\"}],\"future\":1}]}";
        HttpResponse<String> r = post("/push.v1.PusherService/Push", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        out().assertIsSatisfied();
        PushProfile p = received().get(0).getIn().getBody(PushProfile.class);
        assertThat(p.labels().get("app_name")).isEqualTo("wall");
        assertThat(p.samples().get(0).rawProfile().toByteArray()).isEqualTo(Profiles.cpuPprof());
        assertThat(received().get(0).getIn().getHeader(PyroscopeConstants.TENANT_ID)).isNull();
    }

    @Test
    void emptyPushIsOkAndForwardsNothing() throws Exception {
        out().expectedMessageCount(0);
        HttpResponse<String> r = post("/push.v1.PusherService/Push", "application/proto", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Accept-Encoding")).hasValue("gzip");
        out().assertIsSatisfied();
    }
}
