package io.pyrocamel.app.management;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * A JAAS {@link Configuration} with one realm whose only login module is {@link SingleUserLoginModule}. It is handed to
 * Hawtio's {@code AuthenticationConfiguration} of our web application only (not installed JVM-wide), so other JAAS users
 * in the JVM are not affected.
 */
public final class SingleUserJaasConfiguration extends Configuration {

    /** The JAAS realm name pyrocamel configures in Hawtio ({@code hawtio.realm}). */
    public static final String REALM = "pyrocamel";

    private final AppConfigurationEntry[] entries;

    public SingleUserJaasConfiguration(String username, String password) {
        this.entries = new AppConfigurationEntry[] {
                new AppConfigurationEntry(SingleUserLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of(SingleUserLoginModule.OPTION_USERNAME, username,
                                SingleUserLoginModule.OPTION_PASSWORD, password.toCharArray()))
        };
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        return REALM.equals(name) ? entries.clone() : null;
    }
}
