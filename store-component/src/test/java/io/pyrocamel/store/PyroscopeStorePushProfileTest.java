package io.pyrocamel.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.PyroscopeConstants;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.core.proto.pprof.Profile;

import static org.assertj.core.api.Assertions.assertThat;

class PyroscopeStorePushProfileTest extends CamelTestSupport {

    @TempDir
    Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-store:t?directory=" + dir + "&retention=0");
            }
        };
    }

    private ProfileStore store() {
        return context.getEndpoint("pyroscope-store:t?directory=" + dir + "&retention=0", PyroscopeStoreEndpoint.class)
                .getStore();
    }

    private static final Labels LABELS = Labels.of(LabelNames.SERVICE_NAME, "checkout", LabelNames.NAME,
            "process_cpu", "env", "prod", "__delta__", "false");

    @Test
    void plainPprofIsStoredGzippedAndDecodesToTheSameProfile() throws Exception {
        Profile profile = TestProfiles.cpuProfile(1);
        byte[] plain = profile.toByteArray();

        Exchange ex = template.send("direct:in", e -> e.getMessage().setBody(PushProfile.of(LABELS, RawSample.of(plain))));

        assertThat(ex.getException()).isNull();
        List<StoredProfile> stored = store().list();
        assertThat(stored).hasSize(1);
        StoredProfile p = stored.get(0);
        Path file = Path.of(ex.getMessage().getHeader(PyroscopeConstants.STORED_FILE, String.class));
        assertThat(file).isAbsolute().isEqualTo(p.path());
        assertThat(dir.relativize(file).toString())
                .matches("checkout/process_cpu/\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}\\.pb\\.gz");
        byte[] bytes = store().read(p);
        assertThat(Pprof.isGzip(bytes)).isTrue();
        assertThat(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes()).isEqualTo(plain);
        assertThat(Pprof.decode(bytes)).isEqualTo(profile);
        assertThat(file.getFileName().toString()).contains("-" + ProfileStore.sha256(bytes).substring(0, 8) + ".");
        assertThat(p.labels()).isEqualTo(LABELS.asMap());
        assertThat(p.meta("kind")).isEqualTo("PUSH");
        assertThat(p.meta("receivedGzipped")).isEqualTo("false");
        assertThat(p.meta("sampleTypes")).contains("samples", "cpu");
    }

    @Test
    void gzippedPprofIsStoredByteForByte() throws Exception {
        byte[] gz = Pprof.gzip(TestProfiles.cpu(2));

        template.sendBodyAndHeader("direct:in", PushProfile.of(LABELS, new RawSample(ByteString.copyFrom(gz), "id-1")),
                PyroscopeConstants.TENANT_ID, "tenant-a");

        StoredProfile p = store().list().get(0);
        assertThat(store().read(p)).isEqualTo(gz);
        assertThat(p.meta("sampleId")).isEqualTo("id-1");
        assertThat(p.meta("tenant")).isEqualTo("tenant-a");
        assertThat(p.meta("receivedGzipped")).isEqualTo("true");
        assertThat(p.meta("sha256")).isEqualTo(ProfileStore.sha256(gz));
    }

    @Test
    void eachSampleBecomesOneFileAndTheHeaderNamesTheLast() throws Exception {
        PushProfile push = PushProfile.of(LABELS, RawSample.of(TestProfiles.cpu(3)), RawSample.of(TestProfiles.cpu(4)));

        Exchange ex = template.send("direct:in", e -> e.getMessage().setBody(push));

        List<StoredProfile> stored = store().list();
        assertThat(stored).hasSize(2);
        assertThat(stored).extracting(p -> p.meta("sampleIndex")).containsExactlyInAnyOrder("0", "1");
        StoredProfile second = stored.stream().filter(p -> "1".equals(p.meta("sampleIndex"))).findFirst().orElseThrow();
        assertThat(ex.getMessage().getHeader(PyroscopeConstants.STORED_FILE)).isEqualTo(second.path().toString());
        assertThat(Pprof.decode(store().read(second))).isEqualTo(TestProfiles.cpuProfile(4));
    }

    @Test
    void withoutServiceNameOrTypeTheProfileGoesToUnknownServiceWithTheDerivedType() throws IOException {
        template.sendBody("direct:in", PushProfile.of(Labels.of("env", "dev"), RawSample.of(TestProfiles.memoryProfile()
                .toByteArray())));

        StoredProfile p = store().list().get(0);
        assertThat(dir.relativize(p.path()).getName(0).toString()).isEqualTo("unknown_service");
        assertThat(dir.relativize(p.path()).getName(1).toString()).isEqualTo("memory");
        assertThat(p.service()).isEqualTo("unknown_service");
        assertThat(p.type()).isEqualTo("memory");
        assertThat(p.labels()).containsExactlyEntriesOf(java.util.Map.of("env", "dev"));
        assertThat(Files.exists(p.labelsPath())).isTrue();
    }
}
