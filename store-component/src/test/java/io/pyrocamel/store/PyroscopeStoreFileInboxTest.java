package io.pyrocamel.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Pprof;

import static org.assertj.core.api.Assertions.assertThat;

/** "Profile files dropped into a folder": file: inbox → pyroscope-store. */
class PyroscopeStoreFileInboxTest extends CamelTestSupport {

    @TempDir
    Path tmp;

    private Path inbox() {
        return tmp.resolve("inbox");
    }

    private Path store() {
        return tmp.resolve("store");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox() + "?recursive=true&delete=true&moveFailed=.failed&initialDelay=0&delay=20")
                        .to("pyroscope-store:inbox?directory=" + store());
            }
        };
    }

    /** Drops a file the way a careful producer does: written elsewhere, then moved in. */
    private void drop(String name, byte[] bytes) throws Exception {
        Path target = inbox().resolve(name);
        Files.createDirectories(target.getParent());
        Path staging = Files.write(tmp.resolve("staging-" + System.nanoTime()), bytes);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void droppedFilesAreStoredUnderTheServiceTheirNameOrFolderGives() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenDone(4).create();
        byte[] gz = Pprof.gzip(TestProfiles.cpu(1));
        byte[] plain = TestProfiles.cpu(2);
        byte[] jfr = TestProfiles.jfrRecording();
        byte[] mem = TestProfiles.memoryProfile().toByteArray();

        drop("checkout.cpu.pb.gz", gz);
        drop("cart/x.pb", plain);
        drop("orders.jfr", jfr);
        drop("cart/heap/y.pb", mem);

        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        ProfileStoreReader reader = new ProfileStoreReader(store());
        List<StoredProfile> all = reader.list();
        assertThat(all).extracting(p -> store().relativize(p.path()).getName(0) + "/"
                                        + store().relativize(p.path()).getName(1))
                .containsExactlyInAnyOrder("checkout/process_cpu", "cart/process_cpu", "orders/jfr", "cart/memory");

        StoredProfile checkout = reader.list("checkout").get(0);
        assertThat(reader.read(checkout)).isEqualTo(gz);
        assertThat(checkout.meta("sourceFile")).isEqualTo("checkout.cpu.pb.gz");
        StoredProfile orders = reader.list("orders").get(0);
        assertThat(reader.read(orders)).isEqualTo(jfr);
        StoredProfile cart = reader.list("cart").stream().filter(p -> p.type().equals("process_cpu")).findFirst()
                .orElseThrow();
        assertThat(Pprof.decode(reader.read(cart))).isEqualTo(TestProfiles.cpuProfile(2));
        assertThat(cart.meta("sourceFile")).isIn("cart/x.pb", "cart" + java.io.File.separator + "x.pb");
    }

    @Test
    void aDroppedFileThatIsNoProfileFailsAndTheStoreIsUntouched() throws Exception {
        NotifyBuilder first = new NotifyBuilder(context).whenDone(1).create();
        drop("good.pb.gz", Pprof.gzip(TestProfiles.cpu(3)));
        assertThat(first.matches(20, TimeUnit.SECONDS)).isTrue();
        var before = TestProfiles.tree(store());

        NotifyBuilder failed = new NotifyBuilder(context).whenFailed(1).create();
        drop("notes.txt", "just some notes\n".getBytes());
        assertThat(failed.matches(20, TimeUnit.SECONDS)).isTrue();

        assertThat(TestProfiles.tree(store())).isEqualTo(before);
        assertThat(inbox().resolve(".failed/notes.txt")).exists();
    }
}
