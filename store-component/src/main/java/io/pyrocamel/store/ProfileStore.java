package io.pyrocamel.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.LabelNames;

/**
 * The local profile store: profiles as files under {@code <directory>/<service>/<type>/}, each with a
 * {@code .labels.json} sidecar, written atomically, deleted by age ({@link StoreSettings#retention()}) and by total
 * size ({@link StoreSettings#maxBytes()}), oldest first. No Camel types: the {@code pyroscope-store} endpoint owns
 * one and schedules {@link #sweepRetention()}.
 *
 * <p><b>Write protocol.</b> Both files are first written to temporary files in the target directory (names start
 * with {@code .} and end with {@code .tmp}); then the sidecar is renamed to its final name, then the profile
 * ({@code ATOMIC_MOVE}). A reader lists profile files, so it never sees a profile without its sidecar, and no file
 * ever appears half-written under a final name. Deletion goes the other way: profile first, then sidecar. A crash can
 * leave temporary files or a sidecar without a profile; {@link #open()} removes both.
 *
 * <p><b>Index.</b> An in-memory index (oldest first) of the store's profiles and the running total of their sizes
 * (profile + sidecar) make each write's cap check O(1) amortized; it is rebuilt from the directory by {@link #open()}.
 * Files that do not follow the store's naming are never listed, counted or deleted. Files added by hand while the
 * store runs are picked up at the next open.
 *
 * <p>Thread-safe: files are written outside the lock, only the renames and index updates are serialized.
 *
 * @since 0.1.0
 */
public final class ProfileStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);

    /** Type directory used when a profile has no type. */
    static final String UNKNOWN_TYPE = "unknown";

    /** Index entry: a stored profile and the size of its two files. */
    private record Entry(Instant time, String fileName, Path profile, Path sidecar, long bytes) {
    }

    private static final Comparator<Entry> OLDEST_FIRST = Comparator.comparing(Entry::time)
            .thenComparing(Entry::fileName).thenComparing(e -> e.profile().toString());

    private final String name;
    private final StoreSettings settings;
    private final Path root;
    private final Clock clock;
    private final TempFileWriter writer;

    private final Object lock = new Object();
    /** guarded by lock. */
    private final TreeSet<Entry> index = new TreeSet<>(OLDEST_FIRST);
    private volatile long totalBytes;
    private volatile int count;
    private volatile boolean open;
    private volatile StoreListener listener = StoreListener.NOOP;

    /**
     * @param name     the store's name, for logs
     * @param settings directory, retention, cap
     */
    public ProfileStore(String name, StoreSettings settings) {
        this(name, settings, Clock.systemUTC(), TempFileWriter.DEFAULT);
    }

    ProfileStore(String name, StoreSettings settings, Clock clock, TempFileWriter writer) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.root = settings.directory();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public String name() {
        return name;
    }

    public StoreSettings settings() {
        return settings;
    }

    /** The absolute root directory. */
    public Path directory() {
        return root;
    }

    /** Sets the hooks that count writes and deletions (metrics). */
    public void listener(StoreListener newListener) {
        this.listener = newListener == null ? StoreListener.NOOP : newListener;
    }

    /** Total size of the stored profiles and their sidecars, in bytes, as indexed. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Number of stored profiles, as indexed. */
    public int profileCount() {
        return count;
    }

    public boolean isOpen() {
        return open;
    }

    /**
     * Creates the directory when missing, removes leftovers of interrupted writes (temporary files, sidecars without
     * a profile), indexes the stored profiles, then applies retention and the size cap.
     */
    public void open() throws IOException {
        synchronized (lock) {
            if (open) {
                return;
            }
            Files.createDirectories(root);
            index.clear();
            Scan scan = new Scan();
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 3, scan);
            long total = 0;
            for (Map.Entry<Path, Path> p : scan.profiles.entrySet()) {
                Path profile = p.getKey();
                Path sidecar = p.getValue();
                long bytes = sizeOf(profile) + sizeOf(sidecar);
                Matcher m = PathNames.PROFILE.matcher(profile.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                index.add(new Entry(PathNames.timeOf(m), profile.getFileName().toString(), profile, sidecar, bytes));
                total += bytes;
            }
            int orphans = 0;
            for (Path sidecar : scan.sidecars) {
                if (!scan.profiles.containsValue(sidecar)) {
                    orphans += deleteQuietly(sidecar, "orphan sidecar") ? 1 : 0;
                }
            }
            totalBytes = total;
            count = index.size();
            open = true;
            LOG.info("pyroscope-store:{} stores profiles in {} (retention {}, maxBytes {}): {} profiles, {} bytes{}",
                    name, root, settings.retention().isZero() ? "forever" : settings.retention(),
                    settings.maxBytes() == 0 ? "no cap" : settings.maxBytes(), count, total,
                    scan.temps + orphans == 0 ? ""
                            : "; removed " + scan.temps + " temporary files and " + orphans
                              + " sidecars of interrupted writes");
        }
        sweepRetention();
        synchronized (lock) {
            enforceCap(null);
        }
    }

    /** Stops accepting writes and forgets the index; the files stay. */
    @Override
    public void close() {
        synchronized (lock) {
            open = false;
            index.clear();
            count = 0;
            totalBytes = 0;
        }
    }

    /**
     * Writes one profile and its sidecar, then deletes the oldest profiles while the store is over its cap (never the
     * one just written).
     *
     * @return the stored profile
     * @throws IOException when a file cannot be written; nothing is left under a final name then
     */
    public StoredProfile store(StoreItem item) throws IOException {
        ensureOpen();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] data = item.bytes();
        String sha256 = sha256(data);
        String serviceDir = PathNames.segment(item.service(), LabelNames.UNKNOWN_SERVICE);
        String typeDir = PathNames.segment(item.type(), UNKNOWN_TYPE);
        Path dir = root.resolve(serviceDir).resolve(typeDir).normalize();
        if (!dir.startsWith(root) || dir.getNameCount() != root.getNameCount() + 2) {
            // cannot happen after segment(); a last line of defence against leaving the store
            throw new IllegalStateException("refusing to write outside the store: " + dir);
        }
        Files.createDirectories(dir);
        String base = PathNames.timestamp(now) + "-" + sha256.substring(0, 8);
        JsonObject sidecarJson = sidecar(item, now, sha256, data.length);
        byte[] sidecar = Jsoner.prettyPrint(Jsoner.serialize(sidecarJson), 2).getBytes(StandardCharsets.UTF_8);
        String tmpBase = "." + base + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path tmpSidecar = dir.resolve(tmpBase + StoredFormat.SIDECAR_EXTENSION + ".tmp");
        Path tmpProfile = dir.resolve(tmpBase + item.format().extension() + ".tmp");
        try {
            writer.write(tmpSidecar, sidecar, settings.fsync());
            writer.write(tmpProfile, data, settings.fsync());
            synchronized (lock) {
                ensureOpen();
                Path profile;
                Path side;
                for (int n = 0; ; n++) {
                    String b = n == 0 ? base : base + "-" + n;
                    profile = dir.resolve(b + item.format().extension());
                    side = dir.resolve(b + StoredFormat.SIDECAR_EXTENSION);
                    if (!Files.exists(profile, LinkOption.NOFOLLOW_LINKS) && !Files.exists(side, LinkOption.NOFOLLOW_LINKS)) {
                        break;
                    }
                }
                writer.move(tmpSidecar, side);
                try {
                    writer.move(tmpProfile, profile);
                } catch (IOException e) {
                    deleteQuietly(side, "sidecar of a failed write");
                    throw e;
                }
                if (settings.fsync()) {
                    fsyncDirectory(dir);
                }
                Entry entry = new Entry(now, profile.getFileName().toString(), profile, side,
                        (long) data.length + sidecar.length);
                index.add(entry);
                totalBytes += entry.bytes();
                count = index.size();
                listener.written(item.format(), entry.bytes());
                LOG.debug("pyroscope-store:{} wrote {} ({} bytes, {})", name, profile, data.length, item.labels());
                enforceCap(entry);
                return new StoredProfile(item.service(), item.type(), now, profile, side, item.format(), data.length,
                        item.labels().asMap(), sidecarJson);
            }
        } finally {
            // after a successful write both are gone already; after a failure nothing stays behind
            deleteQuietly(tmpSidecar, "temporary file");
            deleteQuietly(tmpProfile, "temporary file");
        }
    }

    /**
     * Deletes the profiles received more than {@link StoreSettings#retention()} ago (by the time in their name).
     *
     * @return how many profiles were deleted
     */
    public int sweepRetention() {
        if (settings.retention().isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(settings.retention());
        int deleted = 0;
        synchronized (lock) {
            while (open && !index.isEmpty() && index.first().time().isBefore(cutoff)) {
                delete(index.pollFirst(), StoreListener.Reason.RETENTION);
                deleted++;
            }
            count = index.size();
        }
        if (deleted > 0) {
            LOG.debug("pyroscope-store:{} deleted {} profiles older than {}", name, deleted, settings.retention());
        }
        return deleted;
    }

    /** Lists the stored profiles, oldest first, with their sidecars read (scans the directory). */
    public List<StoredProfile> list() throws IOException {
        return new ProfileStoreReader(root).list();
    }

    /** The bytes of a stored profile, exactly as on disk. */
    public byte[] read(StoredProfile profile) throws IOException {
        return new ProfileStoreReader(root).read(profile);
    }

    /** guarded by lock. Deletes oldest first while over the cap, sparing {@code keep}. */
    private void enforceCap(Entry keep) {
        long max = settings.maxBytes();
        if (max <= 0 || totalBytes <= max) {
            return;
        }
        int deleted = 0;
        Iterator<Entry> it = index.iterator();
        while (totalBytes > max && it.hasNext()) {
            Entry e = it.next();
            if (e == keep) {
                continue;
            }
            it.remove();
            delete(e, StoreListener.Reason.SIZE);
            deleted++;
        }
        count = index.size();
        if (deleted > 0) {
            LOG.debug("pyroscope-store:{} deleted {} oldest profiles to stay under maxBytes {} (now {} bytes)", name,
                    deleted, max, totalBytes);
        }
    }

    /** guarded by lock; the entry is already out of the index. Profile first, then its sidecar. */
    private void delete(Entry e, StoreListener.Reason reason) {
        totalBytes -= e.bytes();
        boolean profileGone = deleteQuietly(e.profile(), reason.name().toLowerCase(java.util.Locale.ROOT));
        if (profileGone && e.sidecar() != null) {
            deleteQuietly(e.sidecar(), reason.name().toLowerCase(java.util.Locale.ROOT));
        }
        listener.deleted(reason, e.bytes());
    }

    private boolean deleteQuietly(Path p, String why) {
        try {
            Files.deleteIfExists(p);
            return true;
        } catch (IOException e) {
            LOG.warn("pyroscope-store:{} could not delete {} ({}): {}", name, p, why, e.toString());
            return false;
        }
    }

    private void ensureOpen() {
        if (!open) {
            throw new IllegalStateException("pyroscope-store:" + name + " is not open");
        }
    }

    private JsonObject sidecar(StoreItem item, Instant now, String sha256, int size) {
        JsonObject j = new JsonObject();
        j.put("version", 1);
        j.put("kind", item.metadata().get("kind"));
        j.put("format", item.format().formatName());
        j.put("service", item.service());
        j.put("type", item.type());
        j.put("labels", new JsonObject(item.labels().asMap()));
        j.put("receivedAt", now.toString());
        j.put("size", size);
        j.put("sha256", sha256);
        item.metadata().forEach(j::putIfAbsent);
        return j;
    }

    private static long sizeOf(Path p) {
        if (p == null) {
            return 0;
        }
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the files themselves were synced
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Walks {@code root/service/type/file}: finds profiles and sidecars, deletes temporary files. */
    private final class Scan extends SimpleFileVisitor<Path> {
        /** profile → its sidecar (or null). */
        final Map<Path, Path> profiles = new HashMap<>();
        final Set<Path> sidecars = new HashSet<>();
        int temps;

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || root.relativize(file).getNameCount() != 3) {
                return FileVisitResult.CONTINUE;
            }
            String fileName = file.getFileName().toString();
            if (PathNames.TEMP.matcher(fileName).matches()) {
                temps += deleteQuietly(file, "temporary file of an interrupted write") ? 1 : 0;
                return FileVisitResult.CONTINUE;
            }
            Matcher m = PathNames.PROFILE.matcher(fileName);
            if (m.matches() && PathNames.timeOf(m) != null) {
                StoredFormat format = StoredFormat.ofFileName(fileName);
                Path sidecar = file.resolveSibling(PathNames.baseOf(fileName, format) + StoredFormat.SIDECAR_EXTENSION);
                profiles.put(file, Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS) ? sidecar : null);
            } else if (PathNames.SIDECAR.matcher(fileName).matches()) {
                sidecars.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!(e instanceof NoSuchFileException)) {
                LOG.warn("pyroscope-store:{} cannot read {} while indexing: {}", name, file, e.toString());
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
