package io.pyrocamel.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;
import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.ReceivedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shipped route file routes/write-file-import.yaml, loaded by the YAML DSL: pprof files reach the double. */
class PyroscopeWriteYamlRouteTest {

    @TempDir
    Path dir;

    static byte[] cpuProfile(long value) {
        return Profile.newBuilder()
                .addStringTable("").addStringTable("samples").addStringTable("count").addStringTable("cpu")
                .addStringTable("nanoseconds")
                .addSampleType(ValueType.newBuilder().setType(1).setUnit(2))
                .addSampleType(ValueType.newBuilder().setType(3).setUnit(4))
                .addSample(Sample.newBuilder().addValue(value).addValue(value * 10_000_000))
                .build().toByteArray();
    }

    @Test
    void profileFilesArePushedWithTheirLabels() throws Exception {
        Path routes = Path.of(System.getProperty("user.dir")).resolve("../routes/write-file-import.yaml");
        Path inbox = dir.resolve("inbox");
        try (PyroscopeDouble pyroscope = PyroscopeDouble.builder().requireTenant(true).start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            Properties p = new Properties();
            p.setProperty("pyrocamel.write.url", pyroscope.url());
            p.setProperty("pyrocamel.write.inbox", inbox.toString());
            p.setProperty("pyrocamel.write.tenant", "team-a");
            p.setProperty("pyrocamel.write.env", "test");
            context.getPropertiesComponent().setInitialProperties(p);
            context.getRegistry().bind("metricsRegistry", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:" + routes.toAbsolutePath().normalize()));
            context.start();

            byte[] gz = Pprof.gzip(cpuProfile(7));
            byte[] plain = cpuProfile(3);
            Files.createDirectories(inbox.resolve("inventory"));
            Files.write(dir.resolve("a.part"), gz);
            Files.move(dir.resolve("a.part"), inbox.resolve("cart.cpu.pb.gz"), StandardCopyOption.ATOMIC_MOVE);
            Files.write(dir.resolve("b.part"), plain);
            Files.move(dir.resolve("b.part"), inbox.resolve("inventory/cpu.pb"), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("c.part"), "not a profile");
            Files.move(dir.resolve("c.part"), inbox.resolve("notes.txt"), StandardCopyOption.ATOMIC_MOVE);

            await().atMost(Duration.ofSeconds(30)).until(() -> pyroscope.accepted().size() == 2
                    && Files.exists(inbox.resolve(".error/notes.txt")));
            ReceivedRequest cart = pyroscope.accepted().stream()
                    .filter(r -> "cart".equals(r.pushLabels().get("service_name"))).findFirst().orElseThrow();
            assertThat(cart.pushLabels().asMap()).containsEntry("__name__", "process_cpu")
                    .containsEntry("env", "test").hasSize(3);
            assertThat(cart.push().getSeries(0).getSamples(0).getRawProfile().toByteArray()).isEqualTo(gz);
            assertThat(cart.tenant()).isEqualTo("team-a");
            ReceivedRequest inventory = pyroscope.accepted().stream()
                    .filter(r -> "inventory".equals(r.pushLabels().get("service_name"))).findFirst().orElseThrow();
            assertThat(Pprof.decode(inventory.push().getSeries(0).getSamples(0).getRawProfile().toByteArray()))
                    .isEqualTo(Profile.parseFrom(plain));
            assertThat(pyroscope.requests()).as("the text file never reached the server").hasSize(2);
        }
    }

    @Test
    void multiEndpointExampleSendsToEveryEndpoint() throws Exception {
        Path routes = Path.of(System.getProperty("user.dir")).resolve("../routes/write-multi-endpoint.yaml");
        Path inbox = dir.resolve("inbox2");
        Path password = Files.writeString(dir.resolve("pw"), "s3cret");
        String route = Files.readString(routes).replace("/var/run/secrets/pyroscope-password", password.toString());
        Path copy = Files.writeString(dir.resolve("write-multi-endpoint.yaml"), route);
        try (PyroscopeDouble staging = PyroscopeDouble.start();
             PyroscopeDouble production = PyroscopeDouble.start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            Properties p = new Properties();
            p.setProperty("pyrocamel.staging.url", staging.url());
            p.setProperty("pyrocamel.production.url", production.url());
            p.setProperty("pyrocamel.write.inbox", inbox.toString());
            context.getPropertiesComponent().setInitialProperties(p);
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:" + copy.toAbsolutePath()));
            context.start();
            Files.createDirectories(inbox);
            Files.write(dir.resolve("x.part"), cpuProfile(5));
            Files.move(dir.resolve("x.part"), inbox.resolve("billing.pb"), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(30)).until(() -> staging.accepted().size() == 1
                    && production.accepted().size() == 1 && Files.exists(inbox.resolve(".done/billing.pb")));
            assertThat(staging.accepted().get(0).pushLabels().get("env")).isEqualTo("prod");
            assertThat(production.accepted().get(0).header("Authorization"))
                    .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("123456:s3cret".getBytes()));
        }
    }
}
