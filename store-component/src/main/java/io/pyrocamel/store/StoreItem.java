package io.pyrocamel.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.pyrocamel.core.Labels;

/**
 * One validated profile, ready to be written: the bytes exactly as they will lie on disk plus what goes into the
 * sidecar.
 *
 * @param labels   the profile's full label set
 * @param service  the service name (not yet sanitized), never blank
 * @param type     the profile type (not yet sanitized), never blank
 * @param format   how the bytes are stored
 * @param bytes    the file content (not copied: the caller hands it over)
 * @param metadata extra sidecar fields (kind, contentType, query, ...), JSON-serializable values
 * @since 0.1.0
 */
public record StoreItem(Labels labels, String service, String type, StoredFormat format, byte[] bytes,
                        Map<String, Object> metadata) {

    public StoreItem {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service must not be blank");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public String toString() {
        return "StoreItem[" + service + "/" + type + ", " + format.formatName() + ", " + bytes.length + " bytes]";
    }
}
