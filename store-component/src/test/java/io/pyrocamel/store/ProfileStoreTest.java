package io.pyrocamel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-25T14:01:02.123Z");

    @TempDir
    Path tmp;

    private final TestProfiles.MutableClock clock = new TestProfiles.MutableClock(T0);

    private ProfileStore open(StoreSettings settings) throws IOException {
        return open(settings, TempFileWriter.DEFAULT);
    }

    private ProfileStore open(StoreSettings settings, TempFileWriter writer) throws IOException {
        ProfileStore store = new ProfileStore("t", settings, clock, writer);
        store.open();
        return store;
    }

    private static StoreItem item(String service, long salt) {
        byte[] gz = Pprof.gzip(TestProfiles.cpu(salt));
        Labels labels = Labels.of(LabelNames.SERVICE_NAME, service, LabelNames.NAME, "process_cpu", "env", "test");
        return new StoreItem(labels, service, "process_cpu", StoredFormat.PPROF, gz, Map.of("kind", "PUSH"));
    }

    @Test
    void writesProfileAndSidecarUnderServiceAndType() throws IOException {
        Path root = tmp.resolve("store");
        ProfileStore store = open(StoreSettings.of(root));
        StoreItem item = item("checkout", 1);

        StoredProfile stored = store.store(item);

        String hash = ProfileStore.sha256(item.bytes()).substring(0, 8);
        assertThat(stored.path()).isEqualTo(root.resolve("checkout/process_cpu/20261125T140102.123Z-" + hash + ".pb.gz"));
        assertThat(stored.labelsPath()).isEqualTo(
                root.resolve("checkout/process_cpu/20261125T140102.123Z-" + hash + ".labels.json"));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(item.bytes());

        JsonObject sidecar = Jsoner.deserialize(Files.readString(stored.labelsPath()), new JsonObject());
        Map<String, Object> sidecarLabels = sidecar.getMap("labels");
        assertThat(sidecarLabels).containsExactlyInAnyOrderEntriesOf(
                Map.of("service_name", "checkout", "__name__", "process_cpu", "env", "test"));
        assertThat(sidecar.getString("kind")).isEqualTo("PUSH");
        assertThat(sidecar.getString("format")).isEqualTo("pprof");
        assertThat(sidecar.getString("sha256")).isEqualTo(ProfileStore.sha256(item.bytes()));
        assertThat(sidecar.getInteger("size")).isEqualTo(item.bytes().length);
        assertThat(sidecar.getString("receivedAt")).isEqualTo("2026-11-25T14:01:02.123Z");

        List<StoredProfile> listed = store.list();
        assertThat(listed).hasSize(1);
        StoredProfile p = listed.get(0);
        assertThat(p.service()).isEqualTo("checkout");
        assertThat(p.type()).isEqualTo("process_cpu");
        assertThat(p.time()).isEqualTo(T0);
        assertThat(p.format()).isEqualTo(StoredFormat.PPROF);
        assertThat(p.labels()).containsEntry("env", "test");
        assertThat(store.read(p)).isEqualTo(item.bytes());
        assertThat(store.totalBytes()).isEqualTo(Files.size(p.path()) + Files.size(p.labelsPath()));
        assertThat(store.profileCount()).isEqualTo(1);
    }

    @Test
    void sameBytesInTheSameMillisecondGetDistinctNames() throws IOException {
        ProfileStore store = open(StoreSettings.of(tmp));
        StoredProfile a = store.store(item("svc", 1));
        StoredProfile b = store.store(item("svc", 1));

        assertThat(a.path()).isNotEqualTo(b.path());
        assertThat(b.path().getFileName().toString()).endsWith("-1.pb.gz");
        assertThat(store.list()).hasSize(2);
        assertThat(TestProfiles.tree(tmp)).hasSize(4);
    }

    @Test
    void retentionDeletesOnlyProfilesOlderThanTheRetention() throws IOException {
        ProfileStore store = open(StoreSettings.of(tmp).withRetention(Duration.ofHours(24)));
        List<StoreListener.Reason> deleted = new ArrayList<>();
        store.listener(new StoreListener() {
            @Override
            public void deleted(Reason reason, long bytes) {
                deleted.add(reason);
            }
        });
        clock.set(T0.minus(Duration.ofHours(48)));
        StoredProfile old = store.store(item("svc", 1));
        clock.set(T0.minus(Duration.ofHours(23)));
        StoredProfile recent = store.store(item("svc", 2));
        clock.set(T0);
        StoredProfile now = store.store(item("svc", 3));

        assertThat(store.sweepRetention()).isEqualTo(1);

        assertThat(old.path()).doesNotExist();
        assertThat(old.labelsPath()).doesNotExist();
        assertThat(store.list()).extracting(StoredProfile::path).containsExactly(recent.path(), now.path());
        assertThat(deleted).containsExactly(StoreListener.Reason.RETENTION);
        assertThat(store.totalBytes()).isEqualTo(TestProfiles.tree(tmp).values().stream().mapToLong(l -> l).sum());

        clock.advance(Duration.ofHours(2)); // "recent" is now 25 h old
        assertThat(store.sweepRetention()).isEqualTo(1);
        assertThat(store.list()).extracting(StoredProfile::path).containsExactly(now.path());
    }

    @Test
    void openDeletesExpiredProfilesLeftFromAnEarlierRun() throws IOException {
        ProfileStore first = open(StoreSettings.of(tmp)); // keeps forever
        clock.set(T0.minus(Duration.ofDays(3)));
        StoredProfile old = first.store(item("svc", 1));
        clock.set(T0);
        StoredProfile fresh = first.store(item("svc", 2));
        first.close();

        ProfileStore second = open(StoreSettings.of(tmp).withRetention(Duration.ofDays(1)));

        assertThat(old.path()).doesNotExist();
        assertThat(second.list()).extracting(StoredProfile::path).containsExactly(fresh.path());
        assertThat(second.profileCount()).isEqualTo(1);
    }

    @Test
    void maxBytesDeletesTheOldestFirstUntilUnderTheCap() throws IOException {
        // measure one entry (all items are the same size: same profile shape, same labels)
        ProfileStore probe = open(StoreSettings.of(tmp.resolve("probe")));
        probe.store(item("svc", 1));
        long entry = probe.totalBytes();

        Path root = tmp.resolve("capped");
        ProfileStore store = open(StoreSettings.of(root).withMaxBytes(3 * entry + entry / 2));
        AtomicInteger sizeDeletes = new AtomicInteger();
        store.listener(new StoreListener() {
            @Override
            public void deleted(Reason reason, long bytes) {
                assertThat(reason).isEqualTo(Reason.SIZE);
                sizeDeletes.incrementAndGet();
            }
        });
        List<StoredProfile> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.set(T0.plusSeconds(i));
            written.add(store.store(item(i % 2 == 0 ? "a" : "b", 100 + i)));
        }

        assertThat(store.list()).extracting(StoredProfile::path)
                .containsExactly(written.get(2).path(), written.get(3).path(), written.get(4).path());
        assertThat(written.get(0).path()).doesNotExist();
        assertThat(written.get(1).path()).doesNotExist();
        assertThat(written.get(0).labelsPath()).doesNotExist();
        assertThat(sizeDeletes).hasValue(2);
        long onDisk = TestProfiles.tree(root).values().stream().mapToLong(l -> l).sum();
        assertThat(onDisk).isEqualTo(store.totalBytes()).isLessThanOrEqualTo(3 * entry + entry / 2);
    }

    @Test
    void theProfileJustWrittenIsKeptEvenWhenAloneOverTheCap() throws IOException {
        ProfileStore store = open(StoreSettings.of(tmp).withMaxBytes(10));
        StoredProfile a = store.store(item("svc", 1));
        clock.advance(Duration.ofSeconds(1));
        StoredProfile b = store.store(item("svc", 2));

        assertThat(a.path()).doesNotExist();
        assertThat(b.path()).exists();
        assertThat(store.list()).extracting(StoredProfile::path).containsExactly(b.path());
    }

    @Test
    void indexIsRebuiltFromTheDirectoryAtOpen() throws IOException {
        ProfileStore first = open(StoreSettings.of(tmp));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            first.store(item("svc", i));
        }
        long total = first.totalBytes();
        first.close();

        ProfileStore second = open(StoreSettings.of(tmp));
        assertThat(second.profileCount()).isEqualTo(3);
        assertThat(second.totalBytes()).isEqualTo(total);
    }

    @Test
    void aCrashMidWriteLeavesNoFileUnderAFinalNameAndNoEntry() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        TempFileWriter crashing = (tmpFile, data, fsync) -> {
            if (calls.incrementAndGet() == 2) { // the profile, after the sidecar
                Files.write(tmpFile, java.util.Arrays.copyOf(data, data.length / 2));
                throw new IOException("disk on fire");
            }
            TempFileWriter.DEFAULT.write(tmpFile, data, fsync);
        };
        ProfileStore store = open(StoreSettings.of(tmp), crashing);

        assertThatThrownBy(() -> store.store(item("svc", 1))).isInstanceOf(IOException.class)
                .hasMessageContaining("disk on fire");

        assertThat(TestProfiles.tree(tmp)).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(store.profileCount()).isZero();
        assertThat(store.totalBytes()).isZero();

        // the next write works
        StoredProfile ok = store.store(item("svc", 2));
        assertThat(store.list()).extracting(StoredProfile::path).containsExactly(ok.path());
    }

    @Test
    void aCrashBetweenTheTwoRenamesNeverShowsAProfileWithoutItsSidecar() throws IOException {
        TempFileWriter failingProfileRename = new TempFileWriter() {
            @Override
            public void write(Path tmpFile, byte[] data, boolean fsync) throws IOException {
                TempFileWriter.DEFAULT.write(tmpFile, data, fsync);
            }

            @Override
            public void move(Path tmpFile, Path target) throws IOException {
                if (target.getFileName().toString().endsWith(".pb.gz")) {
                    // at this point the sidecar must be in place already, and the profile not yet visible
                    try (Stream<Path> s = Files.list(target.getParent())) {
                        assertThat(s.map(p -> p.getFileName().toString()))
                                .anyMatch(n -> n.matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}\\.labels\\.json"))
                                .noneMatch(n -> n.endsWith(".pb.gz"));
                    }
                    throw new IOException("killed between renames");
                }
                TempFileWriter.super.move(tmpFile, target);
            }
        };
        ProfileStore store = open(StoreSettings.of(tmp), failingProfileRename);

        assertThatThrownBy(() -> store.store(item("svc", 1))).hasMessageContaining("killed between renames");

        assertThat(store.list()).isEmpty();
        assertThat(TestProfiles.tree(tmp)).isEmpty(); // the sidecar was taken back, the temporary files removed
        assertThat(store.totalBytes()).isZero();
    }

    @Test
    void leftoversOfInterruptedWritesAreRemovedAtOpenAndOtherFilesAreLeftAlone() throws IOException {
        ProfileStore first = open(StoreSettings.of(tmp));
        StoredProfile kept = first.store(item("svc", 1));
        first.close();
        Path dir = kept.path().getParent();
        // what a killed JVM leaves: temporary files, and a sidecar renamed before its profile
        Path tmpProfile = Files.write(dir.resolve(".20261125T140102.123Z-deadbeef-1a2b.pb.gz.tmp"), new byte[100]);
        Path tmpSidecar = Files.write(dir.resolve(".20261125T140102.123Z-deadbeef-1a2b.labels.json.tmp"), new byte[5]);
        Path orphan = Files.writeString(dir.resolve("20261125T140103.000Z-0badf00d.labels.json"), "{}");
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path unrelatedTop = Files.writeString(tmp.resolve("README"), "mine");

        ProfileStore second = open(StoreSettings.of(tmp));

        assertThat(tmpProfile).doesNotExist();
        assertThat(tmpSidecar).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(unrelated).hasContent("mine");
        assertThat(unrelatedTop).hasContent("mine");
        assertThat(second.list()).extracting(StoredProfile::path).containsExactly(kept.path());
        assertThat(second.totalBytes()).isEqualTo(Files.size(kept.path()) + Files.size(kept.labelsPath()));
    }

    @Test
    void hostileServiceAndTypeNamesStayInsideTheDirectory() throws IOException {
        Path root = tmp.resolve("store");
        ProfileStore store = open(StoreSettings.of(root));
        String[] hostile = {"../../etc", "..", ".", "/abs/path", "a/../../b", "..\\..\\win", "x\u0000y\nz",
                            "C:\\evil", "\u202e" + "gnp.exe", "../" + "x".repeat(400)};
        for (String name : hostile) {
            StoreItem i = new StoreItem(Labels.of(LabelNames.SERVICE_NAME, name), name, name, StoredFormat.PPROF,
                    Pprof.gzip(TestProfiles.cpu(name.hashCode())), Map.of("kind", "PUSH"));
            StoredProfile p = store.store(i);
            Path rel = root.relativize(p.path());
            assertThat(p.path().normalize()).startsWith(root);
            assertThat(rel.getNameCount()).as(name).isEqualTo(3);
            assertThat(rel.getName(0).toString()).doesNotStartWith(".").doesNotContain("/", "\\", "\n", "\u0000");
            assertThat(rel.getName(1).toString()).doesNotStartWith(".");
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactly(root);
        }
        assertThat(store.list()).hasSize(hostile.length);
        assertThat(store.list()).extracting(StoredProfile::service).contains("../../etc");
    }

    @Test
    void readerRefusesPathsOutsideTheStore() throws IOException {
        ProfileStore store = open(StoreSettings.of(tmp.resolve("store")));
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "x", StandardCharsets.UTF_8);
        StoredProfile forged = new StoredProfile("s", "t", T0, outside, null, StoredFormat.PPROF, 1, Map.of(), Map.of());
        assertThatThrownBy(() -> store.read(forged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a file of the store");
    }

    @Test
    void writingToAClosedStoreFails() throws IOException {
        ProfileStore store = open(StoreSettings.of(tmp));
        store.close();
        assertThatThrownBy(() -> store.store(item("svc", 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not open");
    }

    @Test
    void sweepIntervalIsATenthOfTheRetentionBetweenOneSecondAndOneMinute() {
        assertThat(StoreSettings.of(tmp).sweepInterval()).isNull();
        assertThat(StoreSettings.of(tmp).withRetention(Duration.ofHours(24)).sweepInterval())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(StoreSettings.of(tmp).withRetention(Duration.ofMinutes(5)).sweepInterval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(StoreSettings.of(tmp).withRetention(Duration.ofSeconds(2)).sweepInterval())
                .isEqualTo(Duration.ofSeconds(1));
    }
}
