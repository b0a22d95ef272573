package io.pyrocamel.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pyrocamel.app.management.ManagementServer;
import io.pyrocamel.app.management.ManagementSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable pyrocamel application: Camel Main with the YAML route files from the command line (files or folders;
 * default {@code routes/default.yaml}), {@code application.properties} plus environment and {@code -D} overrides, JMX,
 * and the management server ({@code /metrics}, {@code /health*}, {@code /hawtio}) on one port.
 * <p>
 * Exit codes: 0 after a normal shutdown, 1 when start-up fails (route file or configuration error: one ERROR line naming
 * the file, option and value; the stack trace only at DEBUG), 2 for command-line errors (e.g. a missing route file).
 */
public final class PyrocamelApplication implements AutoCloseable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_STARTUP_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    /**
     * Extra properties files (comma-separated; {@code -Dpyrocamel.config} or {@code PYROCAMEL_CONFIG}). They override
     * the jar's {@code application.properties}, a later file overrides an earlier one; environment variables and system
     * properties still override them.
     */
    public static final String CONFIG_FILES = "pyrocamel.config";

    private static final Logger LOG = LoggerFactory.getLogger(PyrocamelApplication.class);

    private final List<Path> routeFiles;
    private final Map<String, String> properties;
    private final Main main = new Main();
    private final CountDownLatch contextStarted = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final PrometheusMeterRegistry meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile Throwable failure;
    private volatile ManagementServer managementServer;
    private volatile ManagementSettings managementSettings;
    private Thread runner;
    private final AtomicBoolean closing = new AtomicBoolean();

    /**
     * @param routeFiles the route files to load (already resolved, see {@link RouteFiles#resolve})
     * @param properties extra properties with the highest priority (as if given with {@code -D}); used by tests
     */
    public PyrocamelApplication(List<Path> routeFiles, Map<String, String> properties) {
        this.routeFiles = List.copyOf(routeFiles);
        this.properties = new LinkedHashMap<>(properties);
    }

    public static void main(String[] args) {
        int code = run(args);
        // Camel and Jetty are stopped; exit also when a library left a non-daemon thread behind
        System.exit(code);
    }

    /**
     * Runs the application until it is stopped (SIGTERM/SIGINT, or Camel Main's own duration settings).
     *
     * @return the process exit code
     */
    public static int run(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("""
                    usage: java -jar pyrocamel-app.jar [ROUTE_FILE_OR_FOLDER ...]

                    Runs the Camel YAML routes in the given files (a folder means all *.yaml/*.yml in it);
                    without arguments routes/default.yaml relative to the working directory.
                    Settings: application.properties inside the jar, overridden by environment variables
                    (PYROCAMEL_MANAGEMENT_PORT=9000) and system properties (-Dpyrocamel.management.port=9000).
                    See docs/app.md.""");
            return EXIT_OK;
        }
        PyrocamelApplication app;
        try {
            app = new PyrocamelApplication(RouteFiles.resolve(arguments), Map.of());
        } catch (StartupException e) {
            logFailure(e);
            return e.getExitCode();
        }
        try {
            // before start: SIGTERM/SIGINT during start-up stops what has started so far
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "pyrocamel-shutdown"));
        } catch (IllegalStateException e) {
            return EXIT_OK; // already shutting down
        }
        try {
            app.start();
        } catch (StartupException e) {
            logFailure(e);
            return e.getExitCode();
        }
        app.awaitTermination();
        return EXIT_OK;
    }

    private static void logFailure(StartupException e) {
        LOG.error("pyrocamel failed to start: {}", e.getMessage());
        if (e.getCause() != null) {
            LOG.debug("Stack trace of the start-up failure", e.getCause());
        }
    }

    /**
     * Starts Camel (routes) and the management server; returns when both run.
     *
     * @throws StartupException with a one-line message when anything fails; everything started is stopped again
     */
    public void start() {
        if (runner != null) {
            throw new IllegalStateException("already started");
        }
        configureMain();
        runner = new Thread(this::runMain, "pyrocamel-main");
        runner.start();
        awaitUninterruptibly(contextStarted);
        if (failure != null) {
            awaitUninterruptibly(terminated);
            throw StartupErrors.describe(failure, routeFiles, main.getCamelContext());
        }
        if (terminated.getCount() == 0) {
            throw new StartupException("pyrocamel was stopped during start-up");
        }
        try {
            ManagementServer server = managementServer;
            if (server != null) {
                server.awaitStarted(120, TimeUnit.SECONDS);
            }
        } catch (StartupException e) {
            close();
            throw e;
        }
        logStarted();
    }

    private void configureMain() {
        main.configure().withRoutesIncludePattern(RouteFiles.includePattern(routeFiles));
        String extra = properties.getOrDefault(CONFIG_FILES,
                System.getProperty(CONFIG_FILES, System.getenv("PYROCAMEL_CONFIG")));
        if (extra != null && !extra.isBlank()) {
            // Camel's properties component: of several locations the FIRST that has a key wins, so the files go
            // before the jar's application.properties, the last one given first
            List<String> locations = new ArrayList<>();
            for (String file : extra.split(",")) {
                Path path = Path.of(file.trim()).toAbsolutePath().normalize();
                if (!Files.isRegularFile(path)) {
                    throw new StartupException("Configuration file " + file.trim() + " not found: " + path + " ("
                                               + CONFIG_FILES + " / PYROCAMEL_CONFIG)", null, EXIT_USAGE);
                }
                locations.add(0, "file:" + path.toString().replace('\\', '/'));
            }
            locations.add("classpath:application.properties;optional=true");
            main.setPropertyPlaceholderLocations(String.join(",", locations));
        }
        properties.forEach(main::addOverrideProperty);
        // The Prometheus registry every meter goes to. It is bound in the Camel registry under
        // MicrometerConstants.METRICS_REGISTRY_NAME ("metricsRegistry") before the context is configured, so
        // camel-micrometer-prometheus (camel.metrics.*: route policy, exchange notifier, JVM binders), camel-micrometer
        // endpoints and pyrocamel's components (which look the registry up by that name) all register on it;
        // ManagementServer.lookupPrometheusRegistry finds the same instance again by that name to serve /metrics.
        main.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meterRegistry);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                context.getManagementStrategy().addEventNotifier(new RouteStartLogger());
                managementSettings = ManagementSettings.from(context.getPropertiesComponent());
                managementSettings.validate();
            }

            @Override
            public void beforeStart(BaseMainSupport m) {
                // bind the port before any route starts (a busy port fails start-up early); the handlers and the
                // Hawtio console then start in parallel with the routes
                if (managementSettings.enabled()) {
                    CamelContext context = m.getCamelContext();
                    managementServer = ManagementServer.bind(managementSettings, context,
                            ManagementServer.lookupPrometheusRegistry(context));
                    managementServer.startAsync();
                }
            }

            @Override
            public void afterStart(BaseMainSupport m) {
                contextStarted.countDown();
            }
        });
    }

    private void runMain() {
        try {
            main.run();
        } catch (Throwable t) {
            failure = t;
        } finally {
            stopManagementServer();
            contextStarted.countDown();
            terminated.countDown();
        }
    }

    private void logStarted() {
        CamelContext context = main.getCamelContext();
        long started = context.getRoutes().stream()
                .filter(r -> context.getRouteController().getRouteStatus(r.getRouteId()) == ServiceStatus.Started)
                .count();
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (managementServer != null) {
            String base = managementServer.baseUri().toString();
            LOG.info("Management server on {} (metrics {}metrics, health {}health{}){}", base, base, base,
                    managementSettings.hawtioEnabled() ? ", console " + base + "hawtio/" : "",
                    managementSettings.loginRequired() ? ", console login required" : "");
        }
        LOG.info("pyrocamel started {} routes in {} ms", started, millis);
    }

    /** Blocks until the application has stopped. */
    public void awaitTermination() {
        awaitUninterruptibly(terminated);
    }

    /** Stops Camel (graceful shutdown of the routes) and then the management server. Idempotent. */
    @Override
    public void close() {
        if (runner == null || terminated.getCount() == 0) {
            return; // not started, or already stopped (also after a failed start)
        }
        boolean first = closing.compareAndSet(false, true);
        long begin = System.nanoTime();
        if (first) {
            LOG.info("pyrocamel stopping");
        }
        main.completed();
        try {
            if (!terminated.await(60, TimeUnit.SECONDS)) {
                LOG.warn("pyrocamel did not stop within 60 s");
            } else if (first) {
                LOG.info("pyrocamel stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopManagementServer() {
        ManagementServer server = managementServer;
        if (server != null) {
            managementServer = null;
            server.close();
        }
    }

    /** The CamelContext (for tests and embedding). */
    public CamelContext getCamelContext() {
        return main.getCamelContext();
    }

    /** The running management server, or {@code null} when disabled or stopped. */
    public ManagementServer getManagementServer() {
        return managementServer;
    }

    /** The meter registry served at {@code /metrics}. */
    public PrometheusMeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
