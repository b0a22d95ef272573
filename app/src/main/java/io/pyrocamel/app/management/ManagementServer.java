package io.pyrocamel.app.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pyrocamel.app.StartupException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP server (embedded Jetty 12, one port): {@code /metrics}, {@code /health}, {@code /health/live},
 * {@code /health/ready} and the Hawtio console at {@code /hawtio} (with Jolokia at {@code /hawtio/jolokia}).
 * <p>
 * Start-up is split so that a busy port fails before any route starts, while the console deploys in parallel with
 * Camel: {@link #bind} opens the socket (synchronously), {@link #startAsync} starts the handlers and the web application
 * in the background, {@link #awaitStarted} waits for that.
 */
public final class ManagementServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final ManagementSettings settings;
    private final Server server;
    private final ServerConnector connector;
    private final Path workDir;
    private final WebAppContext hawtio;
    private CompletableFuture<Void> starting;

    private ManagementServer(ManagementSettings settings, Server server, ServerConnector connector, Path workDir,
                             WebAppContext hawtio) {
        this.settings = settings;
        this.server = server;
        this.connector = connector;
        this.workDir = workDir;
        this.hawtio = hawtio;
    }

    /**
     * The meter registry pyrocamel serves at {@code /metrics}: the one bound in the Camel registry under
     * {@link MicrometerConstants#METRICS_REGISTRY_NAME} ({@code metricsRegistry}), the same name camel-micrometer,
     * camel-micrometer-prometheus ({@code camel.metrics.*}) and pyrocamel's components look up, so their meters all land
     * in it. If that registry is a composite, its Prometheus member is served.
     */
    public static PrometheusMeterRegistry lookupPrometheusRegistry(CamelContext camelContext) {
        MeterRegistry found = MicrometerUtils.getMeterRegistryFromCamelRegistry(camelContext.getRegistry(),
                MicrometerConstants.METRICS_REGISTRY_NAME);
        if (found instanceof PrometheusMeterRegistry prometheus) {
            return prometheus;
        }
        if (found instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry member : composite.getRegistries()) {
                if (member instanceof PrometheusMeterRegistry prometheus) {
                    return prometheus;
                }
            }
        }
        throw new StartupException("The meter registry bound as '" + MicrometerConstants.METRICS_REGISTRY_NAME
                                   + "' in the Camel registry is "
                                   + (found == null ? "missing" : "a " + found.getClass().getName())
                                   + ", not a PrometheusMeterRegistry: /metrics cannot serve it");
    }

    /**
     * Creates the server and binds its port.
     *
     * @throws StartupException when the port cannot be bound
     */
    public static ManagementServer bind(ManagementSettings settings, CamelContext camelContext,
                                        PrometheusMeterRegistry meterRegistry) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("pyrocamel-management");
        Server server = new Server(threads);
        server.setStopAtShutdown(false); // the application stops it, after Camel
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            String why = e instanceof BindException || e.getCause() instanceof BindException
                    ? "the port is in use or the address is not local" : e.toString();
            throw new StartupException("Cannot open the management port " + settings.host() + ":" + settings.port() + " ("
                                       + ManagementSettings.HOST + ", " + ManagementSettings.PORT + "): " + why,
                    e);
        }

        Path workDir = createWorkDir();
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(new ContextHandler(new MetricsAndHealthHandler(camelContext, meterRegistry), "/"));
        WebAppContext hawtio = null;
        if (settings.hawtioEnabled()) {
            try {
                hawtio = HawtioWebApp.create(settings, workDir);
                contexts.addHandler(hawtio);
            } catch (IOException e) {
                throw new StartupException("Cannot prepare the Hawtio console: " + e, e);
            }
        }
        server.setHandler(new OriginGuardHandler(settings.loopback(), contexts));
        return new ManagementServer(settings, server, connector, workDir, hawtio);
    }

    private static final String WORK_DIR_PREFIX = "pyrocamel-management-";
    private static final String PID_FILE = "pid";

    /**
     * A fresh temporary folder for the unpacked console and the generated Jolokia policy, marked with our process id.
     * Folders left behind by processes that no longer run (killed with SIGKILL) are removed first.
     */
    private static Path createWorkDir() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try (var stale = Files.newDirectoryStream(tmp, WORK_DIR_PREFIX + "*")) {
                for (Path dir : stale) {
                    Path pid = dir.resolve(PID_FILE);
                    if (Files.isRegularFile(pid) && !alive(Files.readString(pid).trim())) {
                        LOG.debug("Removing {} left behind by a stopped process", dir);
                        deleteRecursively(dir);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Cannot clean up old management folders: {}", e.toString());
            }
            Path dir = Files.createTempDirectory(WORK_DIR_PREFIX);
            Files.writeString(dir.resolve(PID_FILE), Long.toString(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
    }

    /** Starts the handlers, the console and then accepting connections, in a background thread. */
    public void startAsync() {
        starting = CompletableFuture.runAsync(() -> {
            try {
                server.start();
                if (hawtio != null) {
                    if (!hawtio.isAvailable()) {
                        throw new StartupException("The Hawtio console failed to deploy"
                                                   + (hawtio.getUnavailableException() != null
                                                           ? ": " + hawtio.getUnavailableException() : ""),
                                hawtio.getUnavailableException());
                    }
                    HawtioWebApp.verifySecured(hawtio, settings);
                }
            } catch (StartupException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "pyrocamel-management-start");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Waits until the server serves requests.
     *
     * @throws StartupException when it failed to start
     */
    public void awaitStarted(long timeout, TimeUnit unit) {
        try {
            starting.get(timeout, unit);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IllegalStateException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof StartupException se) {
                throw se;
            }
            throw new StartupException("The management server failed to start: " + cause, cause);
        } catch (TimeoutException e) {
            throw new StartupException("The management server did not start within " + timeout + " " + unit, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while starting the management server", e);
        }
        if (!server.isStarted()) {
            throw new StartupException("The management server failed to start");
        }
    }

    /** The port actually bound (differs from the setting when that is 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:9876/}. */
    public URI baseUri() {
        String host = settings.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public ManagementSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            if (starting != null) {
                try {
                    starting.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.debug("Management server had not started cleanly", e);
                }
            }
            server.stop();
        } catch (Exception e) {
            LOG.warn("Error stopping the management server: {}", e.toString());
            LOG.debug("Stack trace", e);
        } finally {
            connector.close();
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", dir, e.toString());
        }
    }
}
