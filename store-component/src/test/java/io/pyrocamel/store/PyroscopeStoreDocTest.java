package io.pyrocamel.store;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.docs.ComponentDocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The doc page agrees with the generated descriptor, and its folder-inbox YAML example works as written. */
class PyroscopeStoreDocTest {

    private static final Path DOC = Path.of("src/main/docs/pyroscope-store-component.adoc");

    private static String doc() throws Exception {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    @Test
    void optionTableIsGeneratedFromTheDescriptor() {
        assertThat(ComponentDocs.verify(PyroscopeStoreComponent.class, "pyroscope-store", DOC,
                Path.of("src/main/docs/pyroscope-store-alloy-names.properties"))).isNull();
    }

    @Test
    void theFolderInboxExampleRunsAsWritten(@TempDir Path tmp) throws Exception {
        String d = doc();
        int section = d.indexOf("=== Folder inbox");
        int start = d.indexOf("----\n", d.indexOf("[source,yaml]", section)) + 5;
        String yaml = d.substring(start, d.indexOf("\n----", start))
                .replace("profiles-inbox", tmp.resolve("inbox").toString())
                .replace("data/profiles", tmp.resolve("store").toString());
        CamelContext context = new DefaultCamelContext();
        try {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("inbox.yaml", yaml));
            context.start();
            PyroscopeStoreEndpoint endpoint = (PyroscopeStoreEndpoint) context.getEndpoints().stream()
                    .filter(e -> e instanceof PyroscopeStoreEndpoint).findFirst().orElseThrow();
            assertThat(endpoint.getSettings().maxBytes()).isEqualTo(2L << 30);
            assertThat(endpoint.getSettings().retention()).isEqualTo(Duration.ofHours(24));

            Path staged = Files.write(tmp.resolve("checkout.cpu.pb.gz"), Pprof.gzip(TestProfiles.cpu(5)));
            Files.createDirectories(tmp.resolve("inbox"));
            Files.move(staged, tmp.resolve("inbox/checkout.cpu.pb.gz"), StandardCopyOption.ATOMIC_MOVE);
            Files.write(tmp.resolve("inbox/readme.txt"), "not a profile".getBytes(StandardCharsets.UTF_8));

            ProfileStoreReader reader = new ProfileStoreReader(tmp.resolve("store"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(reader.list("checkout")).hasSize(1);
                assertThat(tmp.resolve("inbox/.failed/readme.txt")).exists();
            });
            assertThat(tmp.resolve("inbox/checkout.cpu.pb.gz")).doesNotExist();
        } finally {
            context.stop();
        }
    }
}
