package io.pyrocamel.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.net.ssl.SSLContext;

/**
 * Everything of Alloy's HTTP client configuration (Prometheus' {@code HTTPClientConfig} as Alloy exposes it): one
 * authentication method, TLS, proxy, redirects, HTTP/2 and extra headers. Immutable; build it with {@link #builder()},
 * check it with {@link #validate()} (the one validation, with the rules of Alloy's {@code Validate} methods and the
 * messages naming the flattened Camel options), then make a client with {@link PyroHttpClient#create}.
 *
 * <p>Secrets are {@link Secret}s: {@link #toString()} never shows them.
 *
 * @param basicAuthUsername            {@code basic_auth.username}
 * @param basicAuthPassword            {@code basic_auth.password}
 * @param basicAuthPasswordFile        {@code basic_auth.password_file}, read on every request
 * @param authorizationType            {@code authorization.type} ({@code Bearer} when empty)
 * @param authorizationCredentials     {@code authorization.credentials}
 * @param authorizationCredentialsFile {@code authorization.credentials_file}, read on every request
 * @param bearerToken                  {@code bearer_token}
 * @param bearerTokenFile              {@code bearer_token_file}, read on every request
 * @param oauth2                       {@code oauth2} block ({@code null} when absent)
 * @param proxy                        proxy arguments
 * @param tls                          {@code tls_config}
 * @param followRedirects              {@code follow_redirects} (true)
 * @param enableHttp2                  {@code enable_http2} (true): HTTP/2 over TLS via ALPN
 * @param httpHeaders                  {@code http_headers}: added to every request; reserved names are rejected
 * @param sslContext                   an SSLContext given by the embedding framework (Camel's
 *                                     {@code sslContextParameters}); excludes the trust/key/verify TLS options
 */
public record HttpClientSettings(String basicAuthUsername, Secret basicAuthPassword, String basicAuthPasswordFile,
                                 String authorizationType, Secret authorizationCredentials,
                                 String authorizationCredentialsFile, Secret bearerToken, String bearerTokenFile,
                                 OAuth2Settings oauth2, ProxySettings proxy, TlsSettings tls, boolean followRedirects,
                                 boolean enableHttp2, Map<String, Secret> httpHeaders, SSLContext sslContext) {

    public static final boolean DEFAULT_FOLLOW_REDIRECTS = true;
    public static final boolean DEFAULT_ENABLE_HTTP2 = true;
    /** The authorization type when none is given. */
    public static final String DEFAULT_AUTHORIZATION_TYPE = "Bearer";

    /**
     * Header names {@code http_headers} may not set (Prometheus' {@code ReservedHeaders}); compared
     * case-insensitively.
     */
    public static final Set<String> RESERVED_HEADERS;

    static {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(List.of("Authorization", "Host", "Content-Encoding", "Content-Length", "Content-Type", "User-Agent",
                "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Www-Authenticate",
                "Accept-Encoding", "X-Prometheus-Remote-Write-Version", "X-Prometheus-Remote-Read-Version",
                "X-Prometheus-Scrape-Timeout-Seconds", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"));
        RESERVED_HEADERS = Collections.unmodifiableSet(s);
    }

    public HttpClientSettings {
        basicAuthUsername = TlsSettings.blankToNull(basicAuthUsername);
        basicAuthPasswordFile = TlsSettings.blankToNull(basicAuthPasswordFile);
        authorizationType = authorizationType == null ? null : authorizationType.strip();
        authorizationType = TlsSettings.blankToNull(authorizationType);
        authorizationCredentialsFile = TlsSettings.blankToNull(authorizationCredentialsFile);
        bearerTokenFile = TlsSettings.blankToNull(bearerTokenFile);
        if (oauth2 != null && !oauth2.isConfigured()) {
            oauth2 = null;
        }
        proxy = proxy == null ? ProxySettings.NONE : proxy;
        tls = tls == null ? TlsSettings.NONE : tls;
        httpHeaders = httpHeaders == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(httpHeaders));
    }

    /** Defaults: no authentication, no proxy, default TLS, redirects followed, HTTP/2 enabled. */
    public static HttpClientSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean hasBasicAuth() {
        return basicAuthUsername != null || basicAuthPassword != null || basicAuthPasswordFile != null;
    }

    public boolean hasAuthorization() {
        return authorizationType != null || authorizationCredentials != null || authorizationCredentialsFile != null;
    }

    /** The effective authorization type: the given one, or {@code Bearer}. */
    public String effectiveAuthorizationType() {
        return authorizationType == null ? DEFAULT_AUTHORIZATION_TYPE : authorizationType;
    }

    /**
     * Checks every rule; throws {@link IllegalArgumentException} listing all problems, each naming the options.
     *
     * @return this, for chaining
     */
    public HttpClientSettings validate() {
        List<String> errors = problems();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid HTTP client configuration: " + String.join("; ", errors));
        }
        return this;
    }

    /** Every problem found, empty when valid. */
    public List<String> problems() {
        List<String> errors = new ArrayList<>();
        List<String> auth = new ArrayList<>();
        if (hasBasicAuth()) {
            auth.add("basicAuth* (basicAuthUsername/basicAuthPassword/basicAuthPasswordFile)");
        }
        if (hasAuthorization()) {
            auth.add("authorization* (authorizationType/authorizationCredentials/authorizationCredentialsFile)");
        }
        if (oauth2 != null) {
            auth.add("oauth2*");
        }
        if (bearerToken != null) {
            auth.add("bearerToken");
        }
        if (bearerTokenFile != null) {
            auth.add("bearerTokenFile");
        }
        if (auth.size() > 1) {
            errors.add("at most one of basicAuth*, authorization*, oauth2*, bearerToken & bearerTokenFile must be"
                       + " configured, but these are set: " + String.join(", ", auth));
        }
        if (basicAuthPassword != null && basicAuthPasswordFile != null) {
            errors.add("at most one of basicAuthPassword & basicAuthPasswordFile must be configured");
        }
        if (authorizationCredentials != null && authorizationCredentialsFile != null) {
            errors.add("at most one of authorizationCredentials & authorizationCredentialsFile must be configured");
        }
        if (authorizationType != null && authorizationType.toLowerCase(Locale.ROOT).equals("basic")) {
            errors.add("authorizationType cannot be set to \"basic\", use basicAuthUsername and basicAuthPassword"
                       + " instead");
        }
        if (oauth2 != null) {
            oauth2.validate(errors);
        }
        for (String name : httpHeaders.keySet()) {
            if (RESERVED_HEADERS.contains(name)) {
                errors.add("httpHeaders." + name + ": setting header \"" + canonical(name) + "\" is not allowed");
            }
            if (!isToken(name)) {
                errors.add("httpHeaders." + name + ": not a valid HTTP header name");
            }
        }
        proxy.validate("", errors);
        tls.validate("tls", errors);
        if (sslContext != null) {
            List<String> clash = new ArrayList<>();
            if (tls.caPem() != null) {
                clash.add("tlsCaPem");
            }
            if (tls.caFile() != null) {
                clash.add("tlsCaFile");
            }
            if (tls.certPem() != null) {
                clash.add("tlsCertPem");
            }
            if (tls.certFile() != null) {
                clash.add("tlsCertFile");
            }
            if (tls.keyPem() != null) {
                clash.add("tlsKeyPem");
            }
            if (tls.keyFile() != null) {
                clash.add("tlsKeyFile");
            }
            if (tls.insecureSkipVerify()) {
                clash.add("tlsInsecureSkipVerify");
            }
            if (tls.minVersion() != null) {
                clash.add("tlsMinVersion");
            }
            if (!clash.isEmpty()) {
                errors.add("sslContextParameters cannot be combined with " + String.join(", ", clash)
                           + ": configure TLS either with sslContextParameters or with the tls* options");
            }
        }
        return errors;
    }

    /** Go's {@code http.CanonicalHeaderKey}: {@code x-scope-orgid} → {@code X-Scope-Orgid}. */
    public static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return sb.toString();
    }

    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                         || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public SecretSource basicAuthPasswordSource() {
        return SecretSource.of(basicAuthPassword, basicAuthPasswordFile, "basicAuthPasswordFile");
    }

    public SecretSource authorizationCredentialsSource() {
        return SecretSource.of(authorizationCredentials, authorizationCredentialsFile, "authorizationCredentialsFile");
    }

    public SecretSource bearerTokenSource() {
        return SecretSource.of(bearerToken, bearerTokenFile, "bearerTokenFile");
    }

    @Override
    public String toString() {
        return "HttpClientSettings[basicAuthUsername=" + basicAuthUsername
               + ", basicAuthPassword=" + (basicAuthPassword == null ? null : "<secret>")
               + ", basicAuthPasswordFile=" + basicAuthPasswordFile + ", authorizationType=" + authorizationType
               + ", authorizationCredentials=" + (authorizationCredentials == null ? null : "<secret>")
               + ", authorizationCredentialsFile=" + authorizationCredentialsFile
               + ", bearerToken=" + (bearerToken == null ? null : "<secret>") + ", bearerTokenFile=" + bearerTokenFile
               + ", oauth2=" + oauth2 + ", proxy=" + proxy + ", tls=" + tls + ", followRedirects=" + followRedirects
               + ", enableHttp2=" + enableHttp2 + ", httpHeaders=" + httpHeaders.keySet()
               + ", sslContext=" + (sslContext == null ? null : "custom") + "]";
    }

    /** Mutable builder; the setters take the flattened Camel option values. */
    public static final class Builder {
        private String basicAuthUsername;
        private Secret basicAuthPassword;
        private String basicAuthPasswordFile;
        private String authorizationType;
        private Secret authorizationCredentials;
        private String authorizationCredentialsFile;
        private Secret bearerToken;
        private String bearerTokenFile;
        private OAuth2Settings oauth2;
        private ProxySettings proxy = ProxySettings.NONE;
        private TlsSettings tls = TlsSettings.NONE;
        private boolean followRedirects = DEFAULT_FOLLOW_REDIRECTS;
        private boolean enableHttp2 = DEFAULT_ENABLE_HTTP2;
        private Map<String, Secret> httpHeaders = new LinkedHashMap<>();
        private SSLContext sslContext;

        private Builder() {
        }

        public Builder basicAuth(String username, String password, String passwordFile) {
            this.basicAuthUsername = username;
            this.basicAuthPassword = Secret.of(password);
            this.basicAuthPasswordFile = passwordFile;
            return this;
        }

        public Builder authorization(String type, String credentials, String credentialsFile) {
            this.authorizationType = type;
            this.authorizationCredentials = Secret.of(credentials);
            this.authorizationCredentialsFile = credentialsFile;
            return this;
        }

        public Builder bearerToken(String token, String tokenFile) {
            this.bearerToken = Secret.of(token);
            this.bearerTokenFile = tokenFile;
            return this;
        }

        public Builder oauth2(OAuth2Settings oauth2) {
            this.oauth2 = oauth2;
            return this;
        }

        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        public Builder followRedirects(boolean followRedirects) {
            this.followRedirects = followRedirects;
            return this;
        }

        public Builder enableHttp2(boolean enableHttp2) {
            this.enableHttp2 = enableHttp2;
            return this;
        }

        public Builder httpHeader(String name, String value) {
            this.httpHeaders.put(name, Secret.of(value));
            return this;
        }

        public Builder httpHeaders(Map<String, ?> headers) {
            if (headers != null) {
                headers.forEach((k, v) -> httpHeader(k, v == null ? null : v.toString()));
            }
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public HttpClientSettings build() {
            Map<String, Secret> headers = new LinkedHashMap<>();
            httpHeaders.forEach((k, v) -> {
                if (v != null) {
                    headers.put(k, v);
                }
            });
            return new HttpClientSettings(basicAuthUsername, basicAuthPassword, basicAuthPasswordFile,
                    authorizationType, authorizationCredentials, authorizationCredentialsFile, bearerToken,
                    bearerTokenFile, oauth2, proxy, tls, followRedirects, enableHttp2, headers, sslContext);
        }
    }
}
