package io.pyrocamel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.Jsoner;

/**
 * Reads a profile store directory, running or not: lists the profiles with the labels and metadata of their sidecars
 * and reads their bytes. Needs no Camel context: {@code new ProfileStoreReader(Path.of("data/profiles")).list()}.
 *
 * @since 0.1.0
 */
public final class ProfileStoreReader {

    private final Path root;

    public ProfileStoreReader(Path directory) {
        this.root = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return root;
    }

    /**
     * All stored profiles, oldest first. A profile whose sidecar is missing or unreadable is listed with empty labels
     * and its directory names as service and type (and the metadata field {@code sidecarError} when unreadable).
     */
    public List<StoredProfile> list() throws IOException {
        List<StoredProfile> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 3, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && root.relativize(file).getNameCount() == 3) {
                    StoredProfile p = load(file, attrs.size());
                    if (p != null) {
                        out.add(p);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(Comparator.comparing(StoredProfile::time).thenComparing(p -> p.path().toString()));
        return out;
    }

    /** The profiles of one service (the service name as in the sidecar), oldest first. */
    public List<StoredProfile> list(String service) throws IOException {
        return list().stream().filter(p -> p.service().equals(service)).toList();
    }

    /** The bytes of a stored profile, exactly as on disk. */
    public byte[] read(StoredProfile profile) throws IOException {
        Path p = profile.path().toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("not a file of the store " + root + ": " + p);
        }
        return Files.readAllBytes(p);
    }

    /** The entry of a profile file, or {@code null} when {@code file} is not a profile of the store. */
    private StoredProfile load(Path file, long size) {
        String fileName = file.getFileName().toString();
        Matcher m = PathNames.PROFILE.matcher(fileName);
        Instant time;
        if (!m.matches() || (time = PathNames.timeOf(m)) == null) {
            return null;
        }
        StoredFormat format = StoredFormat.ofFileName(fileName);
        Path sidecar = file.resolveSibling(PathNames.baseOf(fileName, format) + StoredFormat.SIDECAR_EXTENSION);
        String service = file.getParent().getParent().getFileName().toString();
        String type = file.getParent().getFileName().toString();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Object doc = Jsoner.deserialize(Files.readString(sidecar, StandardCharsets.UTF_8));
                if (doc instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> meta.put(String.valueOf(k), v));
                    if (map.get("labels") instanceof Map<?, ?> l) {
                        l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
                    }
                    service = map.get("service") instanceof String s ? s : service;
                    type = map.get("type") instanceof String t ? t : type;
                } else {
                    meta.put("sidecarError", "not a JSON object");
                }
            } catch (NoSuchFileException e) {
                sidecar = null;
            } catch (IOException | DeserializationException e) {
                meta.put("sidecarError", e.toString());
            }
        } else {
            sidecar = null;
        }
        return new StoredProfile(service, type, time, file, sidecar, format, size, labels, meta);
    }
}
