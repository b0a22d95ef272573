package io.pyrocamel.app.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * JAAS login module for the management console: one user, name and password from
 * {@code pyrocamel.management.username}/{@code password}, handed over as login-module options by
 * {@link SingleUserJaasConfiguration} (in memory only). Hawtio's authentication filter calls it for every console
 * login and for every {@code Authorization: Basic} request to {@code /hawtio/jolokia}.
 */
public class SingleUserLoginModule implements LoginModule {

    /** Login-module option holding the user name (a {@link String}). */
    public static final String OPTION_USERNAME = "username";
    /** Login-module option holding the password (a {@code char[]}). */
    public static final String OPTION_PASSWORD = "password";

    private Subject subject;
    private CallbackHandler callbackHandler;
    private String expectedUser;
    private char[] expectedPassword;
    private UserPrincipal principal;
    private boolean succeeded;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.expectedUser = (String) options.get(OPTION_USERNAME);
        this.expectedPassword = (char[]) options.get(OPTION_PASSWORD);
    }

    @Override
    public boolean login() throws LoginException {
        if (callbackHandler == null || expectedUser == null || expectedPassword == null) {
            throw new LoginException("management console login is not configured");
        }
        NameCallback name = new NameCallback("username");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbackHandler.handle(new Callback[] { name, password });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        char[] given = password.getPassword();
        try {
            // compare both in constant time so a wrong user name and a wrong password look alike
            boolean userOk = constantTimeEquals(bytes(name.getName()), bytes(expectedUser));
            boolean passwordOk = given != null && constantTimeEquals(bytes(given), bytes(expectedPassword));
            if (!(userOk & passwordOk)) {
                throw new FailedLoginException("wrong user name or password");
            }
        } finally {
            password.clearPassword();
        }
        principal = new UserPrincipal(expectedUser);
        succeeded = true;
        return true;
    }

    @Override
    public boolean commit() {
        if (!succeeded) {
            return false;
        }
        subject.getPrincipals().add(principal);
        return true;
    }

    @Override
    public boolean abort() {
        succeeded = false;
        principal = null;
        return true;
    }

    @Override
    public boolean logout() {
        if (principal != null) {
            subject.getPrincipals().remove(principal);
        }
        succeeded = false;
        principal = null;
        return true;
    }

    private static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(char[] chars) {
        return new String(chars).getBytes(StandardCharsets.UTF_8);
    }

    /** The principal of the logged-in console user. */
    public static final class UserPrincipal implements Principal {
        private final String name;

        public UserPrincipal(String name) {
            this.name = Objects.requireNonNull(name);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UserPrincipal other && other.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "UserPrincipal[" + name + "]";
        }
    }
}
