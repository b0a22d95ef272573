package io.pyrocamel.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped routes/default.yaml (top-level folder): a profile dropped into the inbox lands in the local store, a
 * file that is no profile goes to .error.
 */
class DefaultRoutesTest {

    /** The repository's routes/default.yaml, seen from the app module folder (surefire's working directory). */
    private static final Path DEFAULT_ROUTES = Path.of("..", "routes", "default.yaml").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void droppedProfileIsStoredAndJunkGoesToError() throws Exception {
        assertThat(DEFAULT_ROUTES).exists();
        Path inbox = tmp.resolve("inbox");
        Path store = tmp.resolve("profiles");
        PyrocamelApplication app = new PyrocamelApplication(List.of(DEFAULT_ROUTES), Map.of(
                "pyrocamel.management.enabled", "false",
                "pyrocamel.inbox.directory", inbox.toString(),
                "pyrocamel.store.directory", store.toString()));
        app.start();
        try {
            byte[] profile = Pprof.gzip(cpuProfile().toByteArray());
            drop(inbox.resolve("checkout.cpu.pb.gz"), profile);
            drop(inbox.resolve("notes.txt"), "not a profile".getBytes());

            await().atMost(20, TimeUnit.SECONDS).until(() -> Files.exists(inbox.resolve(".done/checkout.cpu.pb.gz"))
                                                             && Files.exists(inbox.resolve(".error/notes.txt")));
            List<Path> stored = files(store.resolve("checkout"));
            assertThat(stored).anySatisfy(p -> {
                assertThat(p.getFileName().toString()).endsWith(".pb.gz");
                assertThat(Files.readAllBytes(p)).isEqualTo(profile);
            });
            assertThat(stored).anySatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".labels.json"));
        } finally {
            app.close();
        }
    }

    private static Profile cpuProfile() {
        return Profile.newBuilder()
                .addStringTable("")
                .addStringTable("cpu")
                .addStringTable("nanoseconds")
                .addSampleType(ValueType.newBuilder().setType(1).setUnit(2))
                .addSample(Sample.newBuilder().addValue(10_000_000L))
                .build();
    }

    private void drop(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path staging = Files.write(tmp.resolve("staging-" + System.nanoTime()), bytes);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
