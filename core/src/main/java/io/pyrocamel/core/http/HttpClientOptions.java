package io.pyrocamel.core.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.DnsResolver;


/**
 * The HTTP client options of Alloy's {@code HTTPClientConfig} (authentication, TLS, proxy, redirects, HTTP/2, extra
 * headers), flattened with the same Camel names in every component that makes HTTP requests {@code pyroscope-write}: {@code basicAuthUsername},
 * {@code tlsCaFile}, {@code oauth2TokenUrl}, {@code proxyConnectHeader.X=...}. Shared by {@code pyroscope-write},
 * {@code pyroscope-scrape} and {@code discovery-http} (an endpoint holds one as a nested {@code @UriParams} field).
 * A mutable bean for Camel's binding; {@link #toSettings} makes the immutable, validated {@link HttpClientSettings}
 * of the shared client once, at start-up.
 *
 * @since 0.1.0
 */
@UriParams
public class HttpClientOptions {

    public static final int DEFAULT_IO_THREADS = 1;

    /** The map options, taken with Camel's multi-value prefix ({@code httpHeaders.X-Api-Key=...}). */
    public static final List<String> MAP_OPTIONS = List.of("oauth2EndpointParams", "oauth2ProxyConnectHeader",
            "proxyConnectHeader", "httpHeaders");

    @UriParam(label = "security", description = "Basic auth username (Alloy basic_auth.username).")
    private String basicAuthUsername;

    @UriParam(label = "security", secret = true, description = "Basic auth password (Alloy basic_auth.password).")
    private String basicAuthPassword;

    @UriParam(label = "security", description = "File holding the basic auth password, read on every request (Alloy basic_auth.password_file).")
    private String basicAuthPasswordFile;

    @UriParam(label = "security", secret = true, description = "Bearer token (Alloy bearer_token).")
    private String bearerToken;

    @UriParam(label = "security", description = "File holding the bearer token, read on every request (Alloy bearer_token_file).")
    private String bearerTokenFile;

    @UriParam(label = "security", description = "Authorization type, Bearer when empty; Basic is refused (Alloy authorization.type).")
    private String authorizationType;

    @UriParam(label = "security", secret = true, description = "Authorization credentials (Alloy authorization.credentials).")
    private String authorizationCredentials;

    @UriParam(label = "security", description = "File holding the authorization credentials, read on every request (Alloy authorization.credentials_file).")
    private String authorizationCredentialsFile;

    @UriParam(label = "security", description = "OAuth2 client id (Alloy oauth2.client_id).")
    private String oauth2ClientId;

    @UriParam(label = "security", secret = true, description = "OAuth2 client secret (Alloy oauth2.client_secret).")
    private String oauth2ClientSecret;

    @UriParam(label = "security", description = "File holding the OAuth2 client secret, read on every request (Alloy oauth2.client_secret_file).")
    private String oauth2ClientSecretFile;

    @UriParam(label = "security", description = "OAuth2 token URL (Alloy oauth2.token_url).")
    private String oauth2TokenUrl;

    @UriParam(label = "security", description = "OAuth2 scopes, comma-separated (Alloy oauth2.scopes).")
    private String oauth2Scopes;

    @UriParam(label = "security", prefix = "oauth2EndpointParams.", multiValue = true, description = "Extra parameters of the token request (Alloy oauth2.endpoint_params), e.g. oauth2EndpointParams.audience=pyroscope.")
    private Map<String, Object> oauth2EndpointParams = new LinkedHashMap<>();

    @UriParam(label = "security", secret = true, description = "Proxy for the token request (Alloy oauth2.proxy_url).")
    private String oauth2ProxyUrl;

    @UriParam(label = "security", description = "Hosts the token request reaches without the proxy (Alloy oauth2.no_proxy).")
    private String oauth2NoProxy;

    @UriParam(label = "security", defaultValue = "false", description = "Token request proxy from HTTP_PROXY/HTTPS_PROXY/NO_PROXY (Alloy oauth2.proxy_from_environment).")
    private boolean oauth2ProxyFromEnvironment;

    @UriParam(label = "security", secret = true, prefix = "oauth2ProxyConnectHeader.", multiValue = true, description = "Headers sent to the token request's proxy on CONNECT (Alloy oauth2.proxy_connect_header).")
    private Map<String, Object> oauth2ProxyConnectHeader = new LinkedHashMap<>();

    @UriParam(label = "security", description = "CA certificates (PEM) for the token endpoint (Alloy oauth2.tls_config.ca_pem).")
    private String oauth2TlsCaPem;

    @UriParam(label = "security", description = "CA certificates file for the token endpoint (Alloy oauth2.tls_config.ca_file).")
    private String oauth2TlsCaFile;

    @UriParam(label = "security", description = "Client certificate (PEM) for the token endpoint (Alloy oauth2.tls_config.cert_pem).")
    private String oauth2TlsCertPem;

    @UriParam(label = "security", description = "Client certificate file for the token endpoint (Alloy oauth2.tls_config.cert_file).")
    private String oauth2TlsCertFile;

    @UriParam(label = "security", secret = true, description = "Client key (PEM) for the token endpoint (Alloy oauth2.tls_config.key_pem).")
    private String oauth2TlsKeyPem;

    @UriParam(label = "security", description = "Client key file for the token endpoint (Alloy oauth2.tls_config.key_file).")
    private String oauth2TlsKeyFile;

    @UriParam(label = "security", defaultValue = "false", description = "Skip verifying the token endpoint's certificate (Alloy oauth2.tls_config.insecure_skip_verify).")
    private boolean oauth2TlsInsecureSkipVerify;

    @UriParam(label = "security", enums = "TLS10,TLS11,TLS12,TLS13", description = "Minimum TLS version for the token endpoint, TLS12 when empty (Alloy oauth2.tls_config.min_version).")
    private String oauth2TlsMinVersion;

    @UriParam(label = "security", description = "Server name (SNI and verification) of the token endpoint (Alloy oauth2.tls_config.server_name).")
    private String oauth2TlsServerName;

    @UriParam(label = "security", description = "CA certificates (PEM text) to verify the targets with, instead of the JVM trust store (Alloy tls_config.ca_pem).")
    private String tlsCaPem;

    @UriParam(label = "security", description = "CA certificates file to verify the targets with (Alloy tls_config.ca_file).")
    private String tlsCaFile;

    @UriParam(label = "security", description = "Client certificate chain, PEM text (Alloy tls_config.cert_pem).")
    private String tlsCertPem;

    @UriParam(label = "security", description = "Client certificate chain file (Alloy tls_config.cert_file).")
    private String tlsCertFile;

    @UriParam(label = "security", secret = true, description = "Client private key, PEM text: PKCS#1, SEC1 or PKCS#8, unencrypted (Alloy tls_config.key_pem).")
    private String tlsKeyPem;

    @UriParam(label = "security", description = "Client private key file (Alloy tls_config.key_file).")
    private String tlsKeyFile;

    @UriParam(label = "security", defaultValue = "false", description = "Do not verify the server certificate nor its name (Alloy tls_config.insecure_skip_verify).")
    private boolean tlsInsecureSkipVerify;

    @UriParam(label = "security", enums = "TLS10,TLS11,TLS12,TLS13", description = "Minimum TLS version, TLS12 when empty (Alloy tls_config.min_version). TLS10/TLS11 fail at start when the JVM disables them.")
    private String tlsMinVersion;

    @UriParam(label = "security", description = "Name sent as SNI and verified in the server certificate, instead of the URL host (Alloy tls_config.server_name).")
    private String tlsServerName;

    @UriParam(label = "security", javaType = "org.apache.camel.support.jsse.SSLContextParameters", description = "Camel SSL context parameters, instead of the tls* trust/key/verify options (tlsServerName still applies).")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", secret = true, description = "HTTP proxy for every request (Alloy proxy_url); https targets are tunnelled with CONNECT. Secret because it may hold user:password.")
    private String proxyUrl;

    @UriParam(label = "proxy", description = "Comma-separated IPs, CIDRs and domains (with optional :port) reached without the proxy (Alloy no_proxy); needs proxyUrl.")
    private String noProxy;

    @UriParam(label = "proxy", defaultValue = "false", description = "Use HTTP_PROXY, HTTPS_PROXY and NO_PROXY (or lower case) from the environment (Alloy proxy_from_environment).")
    private boolean proxyFromEnvironment;

    @UriParam(label = "proxy", secret = true, prefix = "proxyConnectHeader.", multiValue = true, description = "Headers sent to the proxy on CONNECT (Alloy proxy_connect_header), e.g. proxyConnectHeader.Proxy-Authorization=Basic ....")
    private Map<String, Object> proxyConnectHeader = new LinkedHashMap<>();

    @UriParam(label = "common", defaultValue = "" + HttpClientSettings.DEFAULT_FOLLOW_REDIRECTS, description = "Follow HTTP redirects (Alloy follow_redirects).")
    private boolean followRedirects = HttpClientSettings.DEFAULT_FOLLOW_REDIRECTS;

    @UriParam(label = "common", defaultValue = "" + HttpClientSettings.DEFAULT_ENABLE_HTTP2, description = "Use HTTP/2 when the server offers it over TLS (ALPN) (Alloy enable_http2). Cleartext connections use HTTP/1.1, as Alloy's.")
    private boolean enableHttp2 = HttpClientSettings.DEFAULT_ENABLE_HTTP2;

    @UriParam(label = "security", secret = true, prefix = "httpHeaders.", multiValue = true, description = "Custom HTTP headers on every request (Alloy http_headers), e.g. httpHeaders.X-Api-Key=...; reserved names (Authorization, Host, Content-Type, User-Agent, ...) are refused.")
    private Map<String, Object> httpHeaders = new LinkedHashMap<>();

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_IO_THREADS, description = "I/O threads of this endpoint's HTTP client.")
    private int ioThreads = DEFAULT_IO_THREADS;

    @UriParam(label = "advanced", javaType = "org.apache.hc.client5.http.DnsResolver", description = "Custom name resolution for the HTTP client (a org.apache.hc.client5.http.DnsResolver bean), e.g. for tests or split-horizon DNS.")
    private DnsResolver dnsResolver;

    public String getBasicAuthUsername() {
        return basicAuthUsername;
    }

    /** Basic auth username (Alloy basic_auth.username). */
    public void setBasicAuthUsername(String basicAuthUsername) {
        this.basicAuthUsername = basicAuthUsername;
    }

    public String getBasicAuthPassword() {
        return basicAuthPassword;
    }

    /** Basic auth password (Alloy basic_auth.password). */
    public void setBasicAuthPassword(String basicAuthPassword) {
        this.basicAuthPassword = basicAuthPassword;
    }

    public String getBasicAuthPasswordFile() {
        return basicAuthPasswordFile;
    }

    /** File holding the basic auth password, read on every request (Alloy basic_auth.password_file). */
    public void setBasicAuthPasswordFile(String basicAuthPasswordFile) {
        this.basicAuthPasswordFile = basicAuthPasswordFile;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    /** Bearer token (Alloy bearer_token). */
    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public String getBearerTokenFile() {
        return bearerTokenFile;
    }

    /** File holding the bearer token, read on every request (Alloy bearer_token_file). */
    public void setBearerTokenFile(String bearerTokenFile) {
        this.bearerTokenFile = bearerTokenFile;
    }

    public String getAuthorizationType() {
        return authorizationType;
    }

    /** Authorization type, Bearer when empty; Basic is refused (Alloy authorization.type). */
    public void setAuthorizationType(String authorizationType) {
        this.authorizationType = authorizationType;
    }

    public String getAuthorizationCredentials() {
        return authorizationCredentials;
    }

    /** Authorization credentials (Alloy authorization.credentials). */
    public void setAuthorizationCredentials(String authorizationCredentials) {
        this.authorizationCredentials = authorizationCredentials;
    }

    public String getAuthorizationCredentialsFile() {
        return authorizationCredentialsFile;
    }

    /** File holding the authorization credentials, read on every request (Alloy authorization.credentials_file). */
    public void setAuthorizationCredentialsFile(String authorizationCredentialsFile) {
        this.authorizationCredentialsFile = authorizationCredentialsFile;
    }

    public String getOauth2ClientId() {
        return oauth2ClientId;
    }

    /** OAuth2 client id (Alloy oauth2.client_id). */
    public void setOauth2ClientId(String oauth2ClientId) {
        this.oauth2ClientId = oauth2ClientId;
    }

    public String getOauth2ClientSecret() {
        return oauth2ClientSecret;
    }

    /** OAuth2 client secret (Alloy oauth2.client_secret). */
    public void setOauth2ClientSecret(String oauth2ClientSecret) {
        this.oauth2ClientSecret = oauth2ClientSecret;
    }

    public String getOauth2ClientSecretFile() {
        return oauth2ClientSecretFile;
    }

    /** File holding the OAuth2 client secret, read on every request (Alloy oauth2.client_secret_file). */
    public void setOauth2ClientSecretFile(String oauth2ClientSecretFile) {
        this.oauth2ClientSecretFile = oauth2ClientSecretFile;
    }

    public String getOauth2TokenUrl() {
        return oauth2TokenUrl;
    }

    /** OAuth2 token URL (Alloy oauth2.token_url). */
    public void setOauth2TokenUrl(String oauth2TokenUrl) {
        this.oauth2TokenUrl = oauth2TokenUrl;
    }

    public String getOauth2Scopes() {
        return oauth2Scopes;
    }

    /** OAuth2 scopes, comma-separated (Alloy oauth2.scopes). */
    public void setOauth2Scopes(String oauth2Scopes) {
        this.oauth2Scopes = oauth2Scopes;
    }

    public Map<String, Object> getOauth2EndpointParams() {
        return oauth2EndpointParams;
    }

    /** Extra parameters of the token request (Alloy oauth2.endpoint_params), e.g. oauth2EndpointParams.audience=pyroscope. */
    public void setOauth2EndpointParams(Map<String, Object> oauth2EndpointParams) {
        this.oauth2EndpointParams = oauth2EndpointParams == null ? new LinkedHashMap<>() : new LinkedHashMap<>(oauth2EndpointParams);
    }

    public String getOauth2ProxyUrl() {
        return oauth2ProxyUrl;
    }

    /** Proxy for the token request (Alloy oauth2.proxy_url). */
    public void setOauth2ProxyUrl(String oauth2ProxyUrl) {
        this.oauth2ProxyUrl = oauth2ProxyUrl;
    }

    public String getOauth2NoProxy() {
        return oauth2NoProxy;
    }

    /** Hosts the token request reaches without the proxy (Alloy oauth2.no_proxy). */
    public void setOauth2NoProxy(String oauth2NoProxy) {
        this.oauth2NoProxy = oauth2NoProxy;
    }

    public boolean isOauth2ProxyFromEnvironment() {
        return oauth2ProxyFromEnvironment;
    }

    /** Token request proxy from HTTP_PROXY/HTTPS_PROXY/NO_PROXY (Alloy oauth2.proxy_from_environment). */
    public void setOauth2ProxyFromEnvironment(boolean oauth2ProxyFromEnvironment) {
        this.oauth2ProxyFromEnvironment = oauth2ProxyFromEnvironment;
    }

    public Map<String, Object> getOauth2ProxyConnectHeader() {
        return oauth2ProxyConnectHeader;
    }

    /** Headers sent to the token request's proxy on CONNECT (Alloy oauth2.proxy_connect_header). */
    public void setOauth2ProxyConnectHeader(Map<String, Object> oauth2ProxyConnectHeader) {
        this.oauth2ProxyConnectHeader = oauth2ProxyConnectHeader == null ? new LinkedHashMap<>() : new LinkedHashMap<>(oauth2ProxyConnectHeader);
    }

    public String getOauth2TlsCaPem() {
        return oauth2TlsCaPem;
    }

    /** CA certificates (PEM) for the token endpoint (Alloy oauth2.tls_config.ca_pem). */
    public void setOauth2TlsCaPem(String oauth2TlsCaPem) {
        this.oauth2TlsCaPem = oauth2TlsCaPem;
    }

    public String getOauth2TlsCaFile() {
        return oauth2TlsCaFile;
    }

    /** CA certificates file for the token endpoint (Alloy oauth2.tls_config.ca_file). */
    public void setOauth2TlsCaFile(String oauth2TlsCaFile) {
        this.oauth2TlsCaFile = oauth2TlsCaFile;
    }

    public String getOauth2TlsCertPem() {
        return oauth2TlsCertPem;
    }

    /** Client certificate (PEM) for the token endpoint (Alloy oauth2.tls_config.cert_pem). */
    public void setOauth2TlsCertPem(String oauth2TlsCertPem) {
        this.oauth2TlsCertPem = oauth2TlsCertPem;
    }

    public String getOauth2TlsCertFile() {
        return oauth2TlsCertFile;
    }

    /** Client certificate file for the token endpoint (Alloy oauth2.tls_config.cert_file). */
    public void setOauth2TlsCertFile(String oauth2TlsCertFile) {
        this.oauth2TlsCertFile = oauth2TlsCertFile;
    }

    public String getOauth2TlsKeyPem() {
        return oauth2TlsKeyPem;
    }

    /** Client key (PEM) for the token endpoint (Alloy oauth2.tls_config.key_pem). */
    public void setOauth2TlsKeyPem(String oauth2TlsKeyPem) {
        this.oauth2TlsKeyPem = oauth2TlsKeyPem;
    }

    public String getOauth2TlsKeyFile() {
        return oauth2TlsKeyFile;
    }

    /** Client key file for the token endpoint (Alloy oauth2.tls_config.key_file). */
    public void setOauth2TlsKeyFile(String oauth2TlsKeyFile) {
        this.oauth2TlsKeyFile = oauth2TlsKeyFile;
    }

    public boolean isOauth2TlsInsecureSkipVerify() {
        return oauth2TlsInsecureSkipVerify;
    }

    /** Skip verifying the token endpoint's certificate (Alloy oauth2.tls_config.insecure_skip_verify). */
    public void setOauth2TlsInsecureSkipVerify(boolean oauth2TlsInsecureSkipVerify) {
        this.oauth2TlsInsecureSkipVerify = oauth2TlsInsecureSkipVerify;
    }

    public String getOauth2TlsMinVersion() {
        return oauth2TlsMinVersion;
    }

    /** Minimum TLS version for the token endpoint, TLS12 when empty (Alloy oauth2.tls_config.min_version). */
    public void setOauth2TlsMinVersion(String oauth2TlsMinVersion) {
        this.oauth2TlsMinVersion = oauth2TlsMinVersion;
    }

    public String getOauth2TlsServerName() {
        return oauth2TlsServerName;
    }

    /** Server name (SNI and verification) of the token endpoint (Alloy oauth2.tls_config.server_name). */
    public void setOauth2TlsServerName(String oauth2TlsServerName) {
        this.oauth2TlsServerName = oauth2TlsServerName;
    }

    public String getTlsCaPem() {
        return tlsCaPem;
    }

    /** CA certificates (PEM text) to verify the targets with, instead of the JVM trust store (Alloy tls_config.ca_pem). */
    public void setTlsCaPem(String tlsCaPem) {
        this.tlsCaPem = tlsCaPem;
    }

    public String getTlsCaFile() {
        return tlsCaFile;
    }

    /** CA certificates file to verify the targets with (Alloy tls_config.ca_file). */
    public void setTlsCaFile(String tlsCaFile) {
        this.tlsCaFile = tlsCaFile;
    }

    public String getTlsCertPem() {
        return tlsCertPem;
    }

    /** Client certificate chain, PEM text (Alloy tls_config.cert_pem). */
    public void setTlsCertPem(String tlsCertPem) {
        this.tlsCertPem = tlsCertPem;
    }

    public String getTlsCertFile() {
        return tlsCertFile;
    }

    /** Client certificate chain file (Alloy tls_config.cert_file). */
    public void setTlsCertFile(String tlsCertFile) {
        this.tlsCertFile = tlsCertFile;
    }

    public String getTlsKeyPem() {
        return tlsKeyPem;
    }

    /** Client private key, PEM text: PKCS#1, SEC1 or PKCS#8, unencrypted (Alloy tls_config.key_pem). */
    public void setTlsKeyPem(String tlsKeyPem) {
        this.tlsKeyPem = tlsKeyPem;
    }

    public String getTlsKeyFile() {
        return tlsKeyFile;
    }

    /** Client private key file (Alloy tls_config.key_file). */
    public void setTlsKeyFile(String tlsKeyFile) {
        this.tlsKeyFile = tlsKeyFile;
    }

    public boolean isTlsInsecureSkipVerify() {
        return tlsInsecureSkipVerify;
    }

    /** Do not verify the server certificate nor its name (Alloy tls_config.insecure_skip_verify). */
    public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
        this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
    }

    public String getTlsMinVersion() {
        return tlsMinVersion;
    }

    /** Minimum TLS version, TLS12 when empty (Alloy tls_config.min_version). TLS10/TLS11 fail at start when the JVM disables them. */
    public void setTlsMinVersion(String tlsMinVersion) {
        this.tlsMinVersion = tlsMinVersion;
    }

    public String getTlsServerName() {
        return tlsServerName;
    }

    /** Name sent as SNI and verified in the server certificate, instead of the URL host (Alloy tls_config.server_name). */
    public void setTlsServerName(String tlsServerName) {
        this.tlsServerName = tlsServerName;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** Camel SSL context parameters, instead of the tls* trust/key/verify options (tlsServerName still applies). */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyUrl() {
        return proxyUrl;
    }

    /** HTTP proxy for every request (Alloy proxy_url); https targets are tunnelled with CONNECT. Secret because it may hold user:password. */
    public void setProxyUrl(String proxyUrl) {
        this.proxyUrl = proxyUrl;
    }

    public String getNoProxy() {
        return noProxy;
    }

    /** Comma-separated IPs, CIDRs and domains (with optional :port) reached without the proxy (Alloy no_proxy); needs proxyUrl. */
    public void setNoProxy(String noProxy) {
        this.noProxy = noProxy;
    }

    public boolean isProxyFromEnvironment() {
        return proxyFromEnvironment;
    }

    /** Use HTTP_PROXY, HTTPS_PROXY and NO_PROXY (or lower case) from the environment (Alloy proxy_from_environment). */
    public void setProxyFromEnvironment(boolean proxyFromEnvironment) {
        this.proxyFromEnvironment = proxyFromEnvironment;
    }

    public Map<String, Object> getProxyConnectHeader() {
        return proxyConnectHeader;
    }

    /** Headers sent to the proxy on CONNECT (Alloy proxy_connect_header), e.g. proxyConnectHeader.Proxy-Authorization=Basic .... */
    public void setProxyConnectHeader(Map<String, Object> proxyConnectHeader) {
        this.proxyConnectHeader = proxyConnectHeader == null ? new LinkedHashMap<>() : new LinkedHashMap<>(proxyConnectHeader);
    }

    public boolean isFollowRedirects() {
        return followRedirects;
    }

    /** Follow HTTP redirects (Alloy follow_redirects). */
    public void setFollowRedirects(boolean followRedirects) {
        this.followRedirects = followRedirects;
    }

    public boolean isEnableHttp2() {
        return enableHttp2;
    }

    /** Use HTTP/2 when the server offers it over TLS (ALPN) (Alloy enable_http2). Cleartext connections use HTTP/1.1, as Alloy's. */
    public void setEnableHttp2(boolean enableHttp2) {
        this.enableHttp2 = enableHttp2;
    }

    public Map<String, Object> getHttpHeaders() {
        return httpHeaders;
    }

    /** Custom HTTP headers on every request (Alloy http_headers), e.g. httpHeaders.X-Api-Key=...; reserved names (Authorization, Host, Content-Type, User-Agent, ...) are refused. */
    public void setHttpHeaders(Map<String, Object> httpHeaders) {
        this.httpHeaders = httpHeaders == null ? new LinkedHashMap<>() : new LinkedHashMap<>(httpHeaders);
    }

    public int getIoThreads() {
        return ioThreads;
    }

    /** I/O threads of this endpoint's HTTP client. */
    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public DnsResolver getDnsResolver() {
        return dnsResolver;
    }

    /** Custom name resolution for the HTTP client (a org.apache.hc.client5.http.DnsResolver bean), e.g. for tests or split-horizon DNS. */
    public void setDnsResolver(DnsResolver dnsResolver) {
        this.dnsResolver = dnsResolver;
    }


    /** Moves the multi-value map options ({@code httpHeaders.X=...}) from the endpoint parameters into this bean. */
    public void takeMaps(Map<String, Object> parameters) {
        setOauth2EndpointParams(org.apache.camel.util.PropertiesHelper.extractProperties(parameters,
                "oauth2EndpointParams."));
        setOauth2ProxyConnectHeader(org.apache.camel.util.PropertiesHelper.extractProperties(parameters,
                "oauth2ProxyConnectHeader."));
        setProxyConnectHeader(org.apache.camel.util.PropertiesHelper.extractProperties(parameters,
                "proxyConnectHeader."));
        setHttpHeaders(org.apache.camel.util.PropertiesHelper.extractProperties(parameters, "httpHeaders."));
    }

    /**
     * The immutable client settings. Problems (Alloy's rules: at most one authentication method, TLS pairs, proxy
     * combinations, reserved headers, ...) are added to {@code errors}, each naming the options; the result is then
     * {@code null}. With {@code sslContextParameters} only the clash check runs here: the real SSLContext is made by
     * {@link #withSslContext} at start (it may read key stores).
     */
    public HttpClientSettings toSettings(List<String> errors) {
        if (ioThreads < 1) {
            errors.add("ioThreads must be at least 1");
        }
        try {
            TlsVersion tlsMin = TlsVersion.parse(tlsMinVersion, "tlsMinVersion");
            TlsVersion oauthMin = TlsVersion.parse(oauth2TlsMinVersion, "oauth2TlsMinVersion");
            OAuth2Settings oauth2 = new OAuth2Settings(oauth2ClientId, Secret.of(oauth2ClientSecret),
                    oauth2ClientSecretFile, scopes(oauth2Scopes), oauth2TokenUrl, strings(oauth2EndpointParams),
                    new ProxySettings(Secret.of(oauth2ProxyUrl), oauth2NoProxy, oauth2ProxyFromEnvironment,
                            secrets(oauth2ProxyConnectHeader)),
                    new TlsSettings(oauth2TlsCaPem, oauth2TlsCaFile, oauth2TlsCertPem, oauth2TlsCertFile,
                            Secret.of(oauth2TlsKeyPem), oauth2TlsKeyFile, oauth2TlsInsecureSkipVerify, oauthMin,
                            oauth2TlsServerName));
            HttpClientSettings http = HttpClientSettings.builder()
                    .basicAuth(basicAuthUsername, basicAuthPassword, basicAuthPasswordFile)
                    .authorization(authorizationType, authorizationCredentials, authorizationCredentialsFile)
                    .bearerToken(bearerToken, bearerTokenFile)
                    .oauth2(oauth2)
                    .proxy(new ProxySettings(Secret.of(proxyUrl), noProxy, proxyFromEnvironment,
                            secrets(proxyConnectHeader)))
                    .tls(new TlsSettings(tlsCaPem, tlsCaFile, tlsCertPem, tlsCertFile, Secret.of(tlsKeyPem),
                            tlsKeyFile, tlsInsecureSkipVerify, tlsMin, tlsServerName))
                    .followRedirects(followRedirects)
                    .enableHttp2(enableHttp2)
                    .httpHeaders(httpHeaders)
                    .build();
            List<String> problems = (sslContextParameters == null ? http
                    : withSslContext(http, defaultSslContext())).problems();
            errors.addAll(problems);
            return problems.isEmpty() ? http : null;
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    /** The settings with the SSLContext of {@code sslContextParameters}, when set; else unchanged. */
    public HttpClientSettings resolveSslContext(HttpClientSettings http, CamelContext context) throws Exception {
        if (sslContextParameters == null) {
            return http;
        }
        return withSslContext(http, sslContextParameters.createSSLContext(context));
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpClientSettings withSslContext(HttpClientSettings http, SSLContext ctx) {
        return new HttpClientSettings(http.basicAuthUsername(), http.basicAuthPassword(), http.basicAuthPasswordFile(),
                http.authorizationType(), http.authorizationCredentials(), http.authorizationCredentialsFile(),
                http.bearerToken(), http.bearerTokenFile(), http.oauth2(), http.proxy(), http.tls(),
                http.followRedirects(), http.enableHttp2(), http.httpHeaders(), ctx);
    }

    private static List<String> scopes(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        }
        return out;
    }

    private static Map<String, Secret> secrets(Map<String, Object> m) {
        Map<String, Secret> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> {
                Secret s = Secret.of(v == null ? null : v.toString());
                if (s != null) {
                    out.put(k, s);
                }
            });
        }
        return out;
    }
}
