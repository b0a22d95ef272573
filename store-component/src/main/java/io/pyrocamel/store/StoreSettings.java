package io.pyrocamel.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated, immutable settings of a {@link ProfileStore}.
 *
 * @param directory absolute, normalized root directory of the store
 * @param retention how long a profile is kept, {@link Duration#ZERO} = forever
 * @param maxBytes  cap on the total size of the store's files (profiles and sidecars), {@code 0} = no cap
 * @param fsync     whether each file (and its directory) is forced to disk before the write counts as done
 * @since 0.1.0
 */
public record StoreSettings(Path directory, Duration retention, long maxBytes, boolean fsync) {

    public StoreSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(retention, "retention");
        directory = directory.toAbsolutePath().normalize();
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must be >= 0 (0 = keep forever), was " + retention);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0 (0 = no cap), was " + maxBytes);
        }
    }

    /** Settings with no retention, no cap and no fsync. */
    public static StoreSettings of(Path directory) {
        return new StoreSettings(directory, Duration.ZERO, 0, false);
    }

    public StoreSettings withRetention(Duration newRetention) {
        return new StoreSettings(directory, newRetention, maxBytes, fsync);
    }

    public StoreSettings withMaxBytes(long newMaxBytes) {
        return new StoreSettings(directory, retention, newMaxBytes, fsync);
    }

    /**
     * How often the retention sweep runs: a tenth of the retention, at least 1 second and at most 1 minute; {@code null}
     * when retention is off.
     */
    public Duration sweepInterval() {
        if (retention.isZero()) {
            return null;
        }
        Duration tenth = retention.dividedBy(10);
        if (tenth.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
    }
}
