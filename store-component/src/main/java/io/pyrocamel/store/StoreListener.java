package io.pyrocamel.store;

/**
 * Hooks a {@link ProfileStore} calls as it writes and deletes; the Micrometer metrics implement it. Called under the
 * store's lock: keep them cheap and never throw.
 *
 * @since 0.1.0
 */
public interface StoreListener {

    /** Deletion reasons. */
    enum Reason {
        RETENTION,
        SIZE
    }

    StoreListener NOOP = new StoreListener() {
    };

    /** A profile and its sidecar were written; {@code bytes} counts both files. */
    default void written(StoredFormat format, long bytes) {
    }

    /** A stored profile (and its sidecar) was deleted. */
    default void deleted(Reason reason, long bytes) {
    }
}
