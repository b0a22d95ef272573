package io.pyrocamel.app.management;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.security.auth.login.Configuration;

import io.pyrocamel.app.StartupException;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hawtio 4 console ({@code io.hawt:hawtio-war}) deployed at {@code /hawtio} in the same JVM as Camel, so its Camel
 * plugin sees Camel's MBeans on the platform MBean server and {@code /hawtio/jolokia} is a full Jolokia endpoint.
 * <p>
 * How it is set up:
 * <ul>
 * <li>The build copies the war into the jar as {@value #WAR_RESOURCE}; at start-up it is unpacked into a temporary
 * folder (without its own copies of log4j and slf4j, so the console logs through the application's logging) and
 * deployed with parent-first class loading.</li>
 * <li>Hawtio reads its settings from {@code hawtio.*} system properties only, so they are set here:
 * {@code hawtio.authenticationEnabled} is true exactly when the server is bound to a non-loopback address; then the JAAS
 * realm {@value SingleUserJaasConfiguration#REALM} checks {@code pyrocamel.management.username}/{@code password}
 * through {@link SingleUserLoginModule}. The JAAS configuration is handed to Hawtio's
 * {@code AuthenticationConfiguration} of this web application only (after the context started and before the
 * connector accepts requests), not installed JVM-wide. Roles are not checked (one user). Hawtio's proxy is off.</li>
 * <li>The Jolokia agent servlet ({@code jolokia-agent}) gets, through an override descriptor, the init parameter
 * {@code policyLocation} pointing at a generated {@code jolokia-access.xml} ({@link JolokiaPolicy}), and
 * {@code discoveryEnabled=false}.</li>
 * </ul>
 */
final class HawtioWebApp {

    private static final Logger LOG = LoggerFactory.getLogger(HawtioWebApp.class);

    /** Where the build puts the Hawtio war inside the application jar (see app/pom.xml). */
    static final String WAR_RESOURCE = "hawtio/hawtio.war";

    static final String CONTEXT_PATH = "/hawtio";

    private HawtioWebApp() {
    }

    static WebAppContext create(ManagementSettings settings, Path workDir) throws IOException {
        Path webappDir = unpackWar(workDir.resolve("hawtio"));

        Path policy = workDir.resolve("jolokia-access.xml");
        Files.writeString(policy,
                JolokiaPolicy.xml(settings.allowWrite(), settings.allowExec(), settings.allowReadOnlyExec()),
                StandardCharsets.UTF_8);
        Path override = workDir.resolve("override-web.xml");
        Files.writeString(override, overrideDescriptor(policy), StandardCharsets.UTF_8);
        warnAboutJolokiaSystemProperties();

        configureHawtio(settings);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(webappDir.toString());
        webapp.addOverrideDescriptor(override.toUri().toString());
        // parent first: the console uses the application's servlet API, logging and the platform MBean server
        webapp.setParentLoaderPriority(true);
        Path tmp = Files.createDirectories(workDir.resolve("jetty"));
        webapp.setTempDirectory(tmp.toFile());
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.setLogUrlOnStart(false);

        if (settings.loginRequired()) {
            Configuration jaas = new SingleUserJaasConfiguration(settings.username(), settings.password());
            webapp.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarted(LifeCycle event) {
                    installJaasConfiguration(webapp, jaas);
                }
            });
        }
        return webapp;
    }

    /**
     * Hawtio's settings (it reads {@code hawtio.*} system properties). Always set, so a stray {@code -Dhawtio.auth}
     * cannot switch the login off on a non-loopback address.
     */
    static void configureHawtio(ManagementSettings settings) {
        boolean login = settings.loginRequired();
        System.setProperty("hawtio.authenticationEnabled", Boolean.toString(login));
        System.clearProperty("hawtio.auth"); // shorthand that would override authenticationEnabled
        System.setProperty("hawtio.realm", SingleUserJaasConfiguration.REALM);
        System.setProperty("hawtio.roles", ""); // one user, no role check
        System.setProperty("hawtio.rolePrincipalClasses", "");
        System.setProperty("hawtio.authenticationContainerDiscoveryClasses", "");
        System.setProperty("hawtio.keycloakEnabled", "false");
        // answer 401 (not 403) to a Jolokia request without credentials, so HTTP clients know to authenticate
        System.setProperty("hawtio.noCredentials401", "true");
        // the console talks to this JVM only: no proxy to other Jolokia agents
        System.setProperty("hawtio.disableProxy", "true");
        System.setProperty("hawtio.authenticationThrottled", "true");
    }

    private static void warnAboutJolokiaSystemProperties() {
        for (String key : new String[] { "jolokia.policyLocation", "jolokia.restrictorClass" }) {
            if (System.getProperty(key) != null) {
                LOG.warn("System property {} is set: Hawtio's Jolokia uses it instead of pyrocamel's access policy "
                         + "(pyrocamel.management.jolokia.allowWrite/allowExec no longer apply)", key);
            }
        }
    }

    private static String overrideDescriptor(Path policy) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- generated by pyrocamel: settings for the Jolokia agent servlet of the Hawtio war -->
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="5.0">
                  <servlet>
                    <servlet-name>jolokia-agent</servlet-name>
                    <init-param>
                      <param-name>policyLocation</param-name>
                      <param-value>%s</param-value>
                    </init-param>
                    <init-param>
                      <param-name>discoveryEnabled</param-name>
                      <param-value>false</param-value>
                    </init-param>
                  </servlet>
                </web-app>
                """.formatted(policy.toUri());
    }

    /**
     * Checks, once the server runs, that Hawtio's authentication uses our JAAS configuration (the listener above may have
     * failed: Jetty only logs exceptions of life-cycle listeners).
     *
     * @throws StartupException when the console would not be secured as configured
     */
    static void verifySecured(WebAppContext webapp, ManagementSettings settings) {
        Object authConfig = webapp.getServletContext().getAttribute("authenticationConfig");
        if (authConfig == null) {
            throw new StartupException("Hawtio did not set up its authentication (servlet-context attribute "
                                       + "authenticationConfig missing); cannot secure the management console");
        }
        try {
            boolean enabled = (Boolean) authConfig.getClass().getMethod("isEnabled").invoke(authConfig);
            Object jaas = authConfig.getClass().getMethod("getConfiguration").invoke(authConfig);
            if (enabled != settings.loginRequired()
                || (settings.loginRequired() && !(jaas instanceof SingleUserJaasConfiguration))) {
                throw new StartupException("Hawtio's authentication is not set up as configured (login "
                                           + (settings.loginRequired() ? "required" : "not required")
                                           + ", Hawtio: authentication " + (enabled ? "on" : "off") + ", JAAS "
                                           + (jaas == null ? "none" : jaas.getClass().getName()) + ")");
            }
        } catch (ReflectiveOperationException e) {
            throw new StartupException("Cannot check Hawtio's authentication: " + e, e);
        }
    }

    /**
     * Hands our JAAS configuration to Hawtio's {@code io.hawt.web.auth.AuthenticationConfiguration} (a class of the web
     * application, hence reflection), stored by Hawtio's context listener as the servlet-context attribute
     * {@code authenticationConfig}. Fails closed: without it no login could succeed; {@link #verifySecured} then stops
     * start-up.
     */
    private static void installJaasConfiguration(WebAppContext webapp, Configuration jaas) {
        Object authConfig = webapp.getServletContext().getAttribute("authenticationConfig");
        if (authConfig == null) {
            throw new StartupException("Hawtio did not set up its authentication (servlet-context attribute "
                                       + "authenticationConfig missing); cannot secure the management console");
        }
        try {
            Method setter = authConfig.getClass().getMethod("setConfiguration", Configuration.class);
            setter.invoke(authConfig, jaas);
        } catch (ReflectiveOperationException e) {
            throw new StartupException("Cannot configure Hawtio's login (" + authConfig.getClass().getName()
                                       + ".setConfiguration): " + e, e);
        }
    }

    /** Unpacks the war from the classpath, leaving out the jars the application already provides. */
    static Path unpackWar(Path target) throws IOException {
        ClassLoader cl = HawtioWebApp.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(WAR_RESOURCE)) {
            if (in == null) {
                throw new StartupException("The Hawtio console is not packaged (classpath resource " + WAR_RESOURCE
                                           + " missing); set pyrocamel.management.hawtio.enabled=false or rebuild the app");
            }
            Files.createDirectories(target);
            Path root = target.toAbsolutePath().normalize();
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String name = e.getName();
                    if (skip(name)) {
                        continue;
                    }
                    Path out = root.resolve(name).normalize();
                    if (!out.startsWith(root)) {
                        throw new IOException("war entry outside the target folder: " + name);
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return root;
        }
    }

    private static boolean skip(String name) {
        if (!name.startsWith("WEB-INF/lib/")) {
            return false;
        }
        String jar = name.substring("WEB-INF/lib/".length());
        // logging comes from the application (parent-first anyway; leaving them out keeps one log4j in the JVM)
        return jar.startsWith("log4j-") || jar.startsWith("slf4j-");
    }
}
