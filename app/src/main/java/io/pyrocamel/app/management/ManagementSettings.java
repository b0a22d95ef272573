package io.pyrocamel.app.management;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import io.pyrocamel.app.StartupException;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The {@code pyrocamel.management.*} settings, read through Camel's properties component, so each one comes from (last
 * wins) {@code application.properties}, an environment variable ({@code PYROCAMEL_MANAGEMENT_PORT}) or a system
 * property ({@code -Dpyrocamel.management.port}).
 *
 * @param enabled           serve the management HTTP server at all
 * @param host              bind address
 * @param port              TCP port (0 = any free port)
 * @param username          console login name, required when {@code host} is not a loopback address
 * @param password          console password (secret: never logged, never part of {@link #toString()})
 * @param hawtioEnabled     deploy the Hawtio console at {@code /hawtio}
 * @param allowWrite        allow Jolokia {@code write} requests
 * @param allowExec         allow every Jolokia {@code exec} request
 * @param allowReadOnlyExec allow the read-only diagnostic operations Hawtio's views call when {@code allowExec} is off
 */
public record ManagementSettings(
        boolean enabled,
        String host,
        int port,
        String username,
        String password,
        boolean hawtioEnabled,
        boolean allowWrite,
        boolean allowExec,
        boolean allowReadOnlyExec) {

    public static final String PREFIX = "pyrocamel.management.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String HOST = PREFIX + "host";
    public static final String PORT = PREFIX + "port";
    public static final String USERNAME = PREFIX + "username";
    public static final String PASSWORD = PREFIX + "password";
    public static final String HAWTIO_ENABLED = PREFIX + "hawtio.enabled";
    public static final String JOLOKIA_ALLOW_WRITE = PREFIX + "jolokia.allowWrite";
    public static final String JOLOKIA_ALLOW_EXEC = PREFIX + "jolokia.allowExec";
    public static final String JOLOKIA_ALLOW_READ_ONLY_EXEC = PREFIX + "jolokia.allowReadOnlyExec";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9876;

    /** Reads and validates the settings; throws a {@link StartupException} naming the property on a bad value. */
    public static ManagementSettings from(PropertiesComponent properties) {
        String host = string(properties, HOST).orElse(DEFAULT_HOST);
        int port = integer(properties, PORT, DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            throw new StartupException(PORT + "=" + port + " is not a TCP port (0-65535)");
        }
        return new ManagementSettings(
                bool(properties, ENABLED, true),
                host,
                port,
                string(properties, USERNAME).orElse(null),
                string(properties, PASSWORD).orElse(null),
                bool(properties, HAWTIO_ENABLED, true),
                bool(properties, JOLOKIA_ALLOW_WRITE, false),
                bool(properties, JOLOKIA_ALLOW_EXEC, false),
                bool(properties, JOLOKIA_ALLOW_READ_ONLY_EXEC, true));
    }

    /** Whether {@link #host()} is a loopback address (127.0.0.0/8, ::1, or a name resolving to one). */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new StartupException(HOST + "=" + host + " is not a valid address: " + e.getMessage(), e);
        }
    }

    /** Whether the console needs a login: it does whenever the server listens on more than loopback. */
    public boolean loginRequired() {
        return !loopback();
    }

    /** Whether both a user name and a password are configured. */
    public boolean hasCredentials() {
        return username != null && !username.isBlank() && password != null && !password.isEmpty();
    }

    /**
     * The secure-by-default rule: a console reachable from other machines must have a login.
     *
     * @throws StartupException naming {@code pyrocamel.management.username} and {@code .password}
     */
    public void validate() {
        if (enabled && hawtioEnabled && loginRequired() && !hasCredentials()) {
            throw new StartupException(HOST + "=" + host + " is not a loopback address, so the management console "
                                       + "(/hawtio, /hawtio/jolokia) requires a login, but no credentials are configured: "
                                       + "set " + USERNAME + " and " + PASSWORD
                                       + " (environment PYROCAMEL_MANAGEMENT_USERNAME and PYROCAMEL_MANAGEMENT_PASSWORD), "
                                       + "or bind to 127.0.0.1");
        }
    }

    @Override
    public String toString() {
        return "ManagementSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username=" + username
               + ", password=" + (password == null || password.isEmpty() ? "(none)" : "******")
               + ", hawtioEnabled=" + hawtioEnabled + ", allowWrite=" + allowWrite + ", allowExec=" + allowExec
               + ", allowReadOnlyExec=" + allowReadOnlyExec + "]";
    }

    private static Optional<String> string(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static boolean bool(PropertiesComponent properties, String key, boolean defaultValue) {
        Optional<String> value = string(properties, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String v = value.get();
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new StartupException(key + "=" + v + " is not a boolean (true or false)");
    }

    private static int integer(PropertiesComponent properties, String key, int defaultValue) {
        Optional<String> value = string(properties, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new StartupException(key + "=" + value.get() + " is not a number", e);
        }
    }
}
