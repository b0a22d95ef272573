package io.pyrocamel.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.pyrocamel.core.PyroscopeConstants;

/**
 * Store profiles as files in a local directory that pprof and JFR tools open: pprof gzipped, JFR as a recording,
 * other ingest formats as received, each with a JSON sidecar of its labels.
 *
 * <p>Layout: {@code <directory>/<service>/<type>/<UTC time>-<sha256 prefix>.<ext>} plus {@code .labels.json}.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pyroscope-store", title = "Pyroscope Store",
             syntax = "pyroscope-store:name", producerOnly = true, remote = false,
             category = { Category.MONITORING, Category.FILE }, headersClass = PyroscopeConstants.class)
public final class PyroscopeStoreEndpoint extends DefaultEndpoint {

    public static final String DEFAULT_DIRECTORY = "data/profiles";
    public static final String DEFAULT_RETENTION = "24h";
    static final long DEFAULT_RETENTION_MILLIS = 24L * 60 * 60 * 1000;

    @UriPath(description = "Name of the store: names its retention thread, its log lines and the store tag of its"
                           + " metrics. It is not part of the file layout.")
    @Metadata(required = true)
    private String name;

    @UriParam(label = "producer", defaultValue = DEFAULT_DIRECTORY,
              description = "Root directory of the store, absolute or relative to the working directory. Created"
                            + " when missing. Endpoints with the same directory share one store.")
    private String directory = DEFAULT_DIRECTORY;

    @UriParam(label = "producer", defaultValue = DEFAULT_RETENTION, javaType = "java.time.Duration",
              description = "How long a profile is kept, counted from when the store received it (the time in its"
                            + " file name). A background task deletes older profiles at start and then every tenth"
                            + " of the retention, at least every second and at most every minute. 0 keeps profiles"
                            + " forever.")
    private long retention = DEFAULT_RETENTION_MILLIS;

    @UriParam(label = "producer", defaultValue = "0",
              description = "Cap on the total size of the store in bytes (profiles and sidecars); a size with a"
                            + " binary unit such as 512MB or 2GiB is accepted too. After each write the oldest"
                            + " profiles are deleted until the store is under the cap; the profile just written is"
                            + " never deleted. 0 means no cap.")
    private long maxBytes;

    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Force each file and its directory to disk before the write counts as done. Slower;"
                            + " without it a power loss (not a process crash) can lose the last profiles.")
    private boolean fsync;

    private StoreSettings settings;
    private ProfileStore store;

    public PyroscopeStoreEndpoint(String uri, PyroscopeStoreComponent component) {
        super(uri, component);
    }

    @Override
    public PyroscopeStoreComponent getComponent() {
        return (PyroscopeStoreComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new PyroscopeStoreProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("pyroscope-store:" + name + " is producer-only: use it with to:");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String where = "pyroscope-store:" + name + ": ";
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException(where + "option directory must not be empty");
        }
        if (retention < 0) {
            throw new IllegalArgumentException(where + "option retention must be >= 0 (0 = keep forever), was "
                                               + Duration.ofMillis(retention));
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException(where + "option maxBytes must be >= 0 (0 = no cap), was " + maxBytes);
        }
        Path dir;
        try {
            dir = Path.of(directory);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(where + "option directory is not a valid path: \"" + directory + "\" ("
                                               + e.getReason() + ")", e);
        }
        settings = new StoreSettings(dir, Duration.ofMillis(retention), maxBytes, fsync);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        store = getComponent().acquire(this, settings);
    }

    @Override
    protected void doStop() throws Exception {
        if (store != null) {
            getComponent().release(store);
            store = null;
        }
        super.doStop();
    }

    /**
     * The running store (shared with the other endpoints of the same directory): write with the route, read with
     * {@link ProfileStore#list()} and {@link ProfileStore#read(StoredProfile)}.
     *
     * @throws IllegalStateException when the endpoint is not started
     */
    public ProfileStore getStore() {
        ProfileStore s = store;
        if (s == null) {
            throw new IllegalStateException("pyroscope-store:" + name + " is not started");
        }
        return s;
    }

    /** The validated settings (after initialization). */
    public StoreSettings getSettings() {
        return settings;
    }

    public String getName() {
        return name;
    }

    /** Name of the store: names its retention thread, its log lines and the store tag of its metrics. */
    public void setName(String name) {
        this.name = name;
    }

    public String getDirectory() {
        return directory;
    }

    /** Root directory of the store, absolute or relative to the working directory. */
    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public long getRetention() {
        return retention;
    }

    /** How long a profile is kept, in milliseconds; 0 keeps profiles forever. */
    public void setRetention(long retention) {
        this.retention = retention;
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    /** Cap on the total size of the store in bytes; 0 means no cap. */
    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public boolean isFsync() {
        return fsync;
    }

    /** Force each file and its directory to disk before the write counts as done. */
    public void setFsync(boolean fsync) {
        this.fsync = fsync;
    }
}
