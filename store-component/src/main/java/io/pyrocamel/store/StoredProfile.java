package io.pyrocamel.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A profile in the store, as a reader sees it.
 *
 * @param service     the service name from the sidecar (the directory name when there is no sidecar)
 * @param type        the profile type from the sidecar (the directory name when there is no sidecar)
 * @param time        when the store received the profile (the UTC timestamp in the file name)
 * @param path        the profile file
 * @param labelsPath  the sidecar file ({@code <base>.labels.json}); it may be missing for files put there by hand
 * @param format      how the profile is stored
 * @param size        size of the profile file in bytes
 * @param labels      the full label set from the sidecar (empty without one)
 * @param metadata    every sidecar field (kind, format, contentType, query, sha256, receivedAt, ...)
 * @since 0.1.0
 */
public record StoredProfile(String service, String type, Instant time, Path path, Path labelsPath,
                            StoredFormat format, long size, Map<String, String> labels, Map<String, Object> metadata) {

    public StoredProfile {
        Objects.requireNonNull(path, "path");
        labels = Map.copyOf(labels);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** A sidecar field as a string, or {@code null}. */
    public String meta(String name) {
        Object v = metadata.get(name);
        return v == null ? null : v.toString();
    }
}
