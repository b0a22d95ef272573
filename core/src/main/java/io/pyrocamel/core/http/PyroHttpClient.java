package io.pyrocamel.core.http;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.DefaultAuthenticationStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.async.AsyncConnectExec;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The shared, non-blocking HTTP client made from {@link HttpClientSettings}: Apache HttpClient 5 (async, HTTP/1.1 and
 * HTTP/2) configured to behave like Alloy's Go client.
 *
 * <ul>
 *   <li>HTTP/2 over TLS via ALPN when {@code enableHttp2} (else HTTP/1.1 only); cleartext is always HTTP/1.1, as Go's
 *       transport does;</li>
 *   <li>redirects followed (at most 10, as Go) unless {@code followRedirects=false};</li>
 *   <li>authentication added to every request (files re-read each time): Basic, {@code authorization},
 *       bearer token, or an OAuth2 client-credentials token; Basic/authorization/bearer only when the request has no
 *       {@code Authorization} header yet, as Prometheus' round trippers;</li>
 *   <li>{@code http_headers} added to every request;</li>
 *   <li>proxies per {@link ProxySelection}, with the proxy URL's user info as {@code Proxy-Authorization} and the
 *       {@code proxyConnectHeader}s on every CONNECT;</li>
 *   <li>TLS per {@link TlsContexts}; 10 s handshake timeout;</li>
 *   <li>no transparent decompression, no cookies, no automatic retries (the caller owns the retry policy).</li>
 * </ul>
 *
 * <p>{@link #send} bounds each request by a total deadline: when it passes, the exchange is cancelled (the connection
 * or HTTP/2 stream is closed) and the future fails with a {@link TimeoutException}. Cancelling the returned future
 * (without OAuth2) aborts the exchange the same way.
 */
public final class PyroHttpClient implements AutoCloseable {

    /** Maximum redirects followed, as Go's http.Client. */
    public static final int MAX_REDIRECTS = 10;
    /** Go's {@code TLSHandshakeTimeout} in Alloy's transport. */
    public static final Duration TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private static final String AUTH_ATTRIBUTE = "io.pyrocamel.http.authorization";

    /**
     * How the client runs.
     *
     * @param name           names the I/O threads and appears in errors (never secrets)
     * @param threadFactory  I/O reactor threads (from the embedding framework); {@code null} = httpclient5's
     * @param scheduler      runs the deadline timers
     * @param maxConnections connections per route and in total
     * @param ioThreads      I/O reactor threads
     * @param connectTimeout TCP connect timeout
     * @param dnsResolver    name resolution, {@code null} = the JVM's
     */
    public record Options(String name, ThreadFactory threadFactory, ScheduledExecutorService scheduler,
                          int maxConnections, int ioThreads, Duration connectTimeout, DnsResolver dnsResolver) {
        public Options {
            Objects.requireNonNull(scheduler, "scheduler");
            maxConnections = Math.max(1, maxConnections);
            ioThreads = Math.max(1, ioThreads);
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        }
    }

    /**
     * A request.
     *
     * @param method          HTTP method
     * @param uri             absolute URI
     * @param headers         headers in order (a name may repeat)
     * @param body            body, or {@code null}
     * @param contentType     Content-Type sent verbatim, or {@code null}
     * @param maxResponseBody body bytes kept from the response
     */
    public record Request(String method, URI uri, List<Map.Entry<String, String>> headers, ByteBuffer body,
                          String contentType, int maxResponseBody) {
    }

    private final String name;
    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService scheduler;
    private final OAuth2TokenSource oauth2;
    private final PyroHttpClient tokenClient;
    private final boolean enableHttp2;

    private PyroHttpClient(String name, CloseableHttpAsyncClient client, ScheduledExecutorService scheduler,
                           OAuth2TokenSource oauth2, PyroHttpClient tokenClient, boolean enableHttp2) {
        this.name = name;
        this.client = client;
        this.scheduler = scheduler;
        this.oauth2 = oauth2;
        this.tokenClient = tokenClient;
        this.enableHttp2 = enableHttp2;
    }

    /**
     * Validates the settings and builds a client (not started). Everything that cannot be honoured fails here with an
     * {@link IllegalArgumentException} naming the options: invalid combinations, unreadable CA/certificate/key
     * files, unusable proxies, a TLS minimum version the JVM forbids.
     */
    public static PyroHttpClient create(HttpClientSettings settings, Options options) {
        settings.validate();
        PyroHttpClient tokenClient = null;
        OAuth2TokenSource oauth2 = null;
        if (settings.oauth2() != null) {
            OAuth2Settings o = settings.oauth2();
            HttpClientSettings tokenSettings = HttpClientSettings.builder().proxy(o.proxy()).tls(o.tls())
                    .enableHttp2(false).followRedirects(true).build();
            Options tokenOptions = new Options(options.name() + "-oauth2", options.threadFactory(),
                    options.scheduler(), 2, 1, options.connectTimeout(), options.dnsResolver());
            tokenClient = build(tokenSettings, tokenOptions, "oauth2Tls", "oauth2", null);
            oauth2 = new OAuth2TokenSource(o, tokenClient);
        }
        PyroHttpClient main = build(settings, options, "tls", "", oauth2);
        return new PyroHttpClient(main.name, main.client, options.scheduler(), oauth2, tokenClient,
                settings.enableHttp2());
    }

    private static PyroHttpClient build(HttpClientSettings settings, Options options, String tlsPrefix,
                                        String proxyPrefix, OAuth2TokenSource oauth2) {
        TlsSettings tls = settings.tls();
        SSLContext ctx;
        String[] protocols;
        if (settings.sslContext() != null) {
            ctx = settings.sslContext();
            protocols = null;
        } else {
            ctx = TlsContexts.sslContext(tls, tlsPrefix);
            protocols = TlsContexts.protocols(tls.minVersion(), ctx, OptionNames.of(tlsPrefix, "minVersion"));
        }
        TlsStrategy tlsStrategy = TlsContexts.tlsStrategy(ctx, protocols, tls.insecureSkipVerify(), tls.serverName());
        ProxySelection proxies;
        try {
            proxies = ProxySelection.of(settings.proxy());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((proxyPrefix.isEmpty() ? "" : proxyPrefix + " ") + e.getMessage(), e);
        }

        PoolingAsyncClientConnectionManagerBuilder cm = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tlsStrategy)
                .setMaxConnTotal(options.maxConnections())
                .setMaxConnPerRoute(options.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(options.connectTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setVersionPolicy(settings.enableHttp2() ? HttpVersionPolicy.NEGOTIATE
                                : HttpVersionPolicy.FORCE_HTTP_1)
                        .setHandshakeTimeout(Timeout.of(TLS_HANDSHAKE_TIMEOUT))
                        .build());
        if (options.dnsResolver() != null) {
            cm.setDnsResolver(options.dnsResolver());
        }

        HttpAsyncClientBuilder b = HttpAsyncClients.custom()
                .setConnectionManager(cm.build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(options.ioThreads()).build())
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .disableContentCompression()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(settings.followRedirects())
                        .setMaxRedirects(MAX_REDIRECTS)
                        .setConnectionRequestTimeout(Timeout.of(options.connectTimeout()))
                        .build())
                .setRoutePlanner(new ProxyRoutePlanner(proxies))
                .addRequestInterceptorLast(new SettingsInterceptor(settings, oauth2, proxies));
        if (!settings.followRedirects()) {
            b.disableRedirectHandling();
        }
        if (options.threadFactory() != null) {
            b.setThreadFactory(options.threadFactory());
        }
        if (proxies.mayUseProxy()) {
            // CONNECT requests: proxy_connect_header and the proxy URL's credentials
            b.replaceExecInterceptor(ChainElement.CONNECT.name(), new AsyncConnectExec(
                    new DefaultHttpProcessor(new RequestTargetHost(), new RequestUserAgent(null),
                            new ConnectHeaders(settings.proxy().connectHeaders(), proxies)),
                    DefaultAuthenticationStrategy.INSTANCE, DefaultSchemePortResolver.INSTANCE, true));
        }
        return new PyroHttpClient(options.name(), b.build(), options.scheduler(), oauth2, null,
                settings.enableHttp2());
    }

    public void start() {
        if (tokenClient != null) {
            tokenClient.start();
        }
        client.start();
    }

    /** True when HTTP/2 may be negotiated (TLS + ALPN). */
    public boolean http2Enabled() {
        return enableHttp2;
    }

    /**
     * Sends a request; the returned future completes with the response (any status), or fails with an
     * {@link IOException} (connection, TLS, proxy, unreadable secret file), a {@link TimeoutException} when
     * {@code timeout} passed, or a {@link CancellationException} when cancelled.
     */
    public CompletableFuture<HttpResponseData> send(Request request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (oauth2 == null) {
            return execute(request, null, deadline, timeout);
        }
        CompletableFuture<String> auth = oauth2.authorization(timeout);
        return auth.handle((header, err) -> {
            if (err != null) {
                Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                        ? err.getCause() : err;
                return CompletableFuture.<HttpResponseData>failedFuture(cause instanceof IOException
                        || cause instanceof TimeoutException ? cause
                        : new IOException(cause.getMessage(), cause));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return CompletableFuture.<HttpResponseData>failedFuture(
                        new TimeoutException("request timed out after " + timeout.toMillis() + " ms"));
            }
            return execute(request, header, deadline, timeout);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<HttpResponseData> execute(Request request, String authorization, long deadline,
                                                        Duration timeout) {
        CompletableFuture<HttpResponseData> result = new CompletableFuture<>();
        BasicHttpRequest req = new BasicHttpRequest(request.method(), request.uri());
        for (Map.Entry<String, String> h : request.headers()) {
            req.addHeader(h.getKey(), h.getValue());
        }
        BytesEntityProducer entity = request.body() == null ? null
                : new BytesEntityProducer(request.body(), request.contentType());
        HttpClientContext context = HttpClientContext.create();
        if (authorization != null) {
            context.setAttribute(AUTH_ATTRIBUTE, authorization);
        }
        AtomicReference<Future<HttpResponseData>> running = new AtomicReference<>();
        long left = Math.max(1, deadline - System.nanoTime());
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (result.completeExceptionally(new TimeoutException("request timed out after " + timeout.toMillis()
                                                                   + " ms"))) {
                Future<HttpResponseData> f = running.get();
                if (f != null) {
                    f.cancel(true);
                }
            }
        }, left, TimeUnit.NANOSECONDS);
        // a caller that cancels the returned future aborts the exchange too (a stopped scrape loop must not keep a
        // 14 s CPU profile request running)
        result.whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                timer.cancel(false);
                Future<HttpResponseData> f = running.get();
                if (f != null) {
                    f.cancel(true);
                }
            }
        });
        try {
            Future<HttpResponseData> f = client.execute(new BasicRequestProducer(req, entity),
                    new BoundedResponseConsumer(request.maxResponseBody()), context,
                    new FutureCallback<>() {
                        @Override
                        public void completed(HttpResponseData r) {
                            timer.cancel(false);
                            result.complete(r);
                        }

                        @Override
                        public void failed(Exception e) {
                            timer.cancel(false);
                            result.completeExceptionally(e);
                        }

                        @Override
                        public void cancelled() {
                            timer.cancel(false);
                            result.completeExceptionally(new CancellationException("request cancelled"));
                        }
                    });
            running.set(f);
            if (result.isDone()) {
                f.cancel(true);
            }
        } catch (RuntimeException e) {
            timer.cancel(false);
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        if (tokenClient != null) {
            tokenClient.close();
        }
    }

    @Override
    public String toString() {
        return "PyroHttpClient[" + name + "]";
    }

    /** Proxy per target, from {@link ProxySelection}. */
    private static final class ProxyRoutePlanner extends DefaultRoutePlanner {
        private final ProxySelection proxies;

        ProxyRoutePlanner(ProxySelection proxies) {
            super(DefaultSchemePortResolver.INSTANCE);
            this.proxies = proxies;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            URI proxy = proxies.proxyFor(target.getSchemeName(), target.getHostName(), target.getPort());
            return proxy == null ? null : new HttpHost("http", proxy.getHost(), proxy.getPort() > 0 ? proxy.getPort()
                    : 80);
        }
    }

    /** {@code Proxy-Authorization} from a proxy URL's {@code user:password}, or {@code null}. */
    static String proxyAuthorization(URI proxy) {
        if (proxy == null || proxy.getRawUserInfo() == null) {
            return null;
        }
        String raw = proxy.getRawUserInfo();
        int colon = raw.indexOf(':');
        String user = decode(colon < 0 ? raw : raw.substring(0, colon));
        String pass = colon < 0 ? "" : decode(raw.substring(colon + 1));
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Headers of CONNECT requests. */
    private static final class ConnectHeaders implements HttpRequestInterceptor {
        private final Map<String, Secret> headers;
        private final ProxySelection proxies;

        ConnectHeaders(Map<String, Secret> headers, ProxySelection proxies) {
            this.headers = headers;
            this.proxies = proxies;
        }

        @Override
        public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
            headers.forEach((n, v) -> request.addHeader(n, v.reveal()));
            if (request.getAuthority() != null) {
                URI proxy = proxies.proxyFor("https", request.getAuthority().getHostName(),
                        request.getAuthority().getPort());
                String pa = proxyAuthorization(proxy);
                if (pa != null) {
                    request.setHeader("Proxy-Authorization", pa);
                }
            }
        }
    }

    /** http_headers, authentication, and proxy credentials on plain (non-tunnelled) proxied requests. */
    private static final class SettingsInterceptor implements HttpRequestInterceptor {
        private final HttpClientSettings settings;
        private final OAuth2TokenSource oauth2;
        private final ProxySelection proxies;
        private final SecretSource basicPassword;
        private final SecretSource credentials;
        private final SecretSource bearer;
        private final String authType;

        SettingsInterceptor(HttpClientSettings settings, OAuth2TokenSource oauth2, ProxySelection proxies) {
            this.settings = settings;
            this.oauth2 = oauth2;
            this.proxies = proxies;
            this.basicPassword = settings.basicAuthPasswordSource();
            this.credentials = settings.authorizationCredentialsSource();
            this.bearer = settings.bearerTokenSource();
            this.authType = settings.effectiveAuthorizationType();
        }

        @Override
        public void process(HttpRequest request, EntityDetails entity, HttpContext context) throws IOException {
            settings.httpHeaders().forEach((n, v) -> request.addHeader(n, v.reveal()));
            if (oauth2 != null) {
                Object auth = context.getAttribute(AUTH_ATTRIBUTE);
                if (auth != null) {
                    request.setHeader("Authorization", auth.toString());
                }
            } else if (!request.containsHeader("Authorization")) {
                if (settings.hasBasicAuth()) {
                    String user = settings.basicAuthUsername() == null ? "" : settings.basicAuthUsername();
                    String pass = basicPassword == null ? "" : basicPassword.read();
                    request.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + pass).getBytes(StandardCharsets.UTF_8)));
                } else if (settings.hasAuthorization()) {
                    String c = credentials == null ? "" : credentials.read().strip();
                    request.setHeader("Authorization", authType + " " + c);
                } else if (bearer != null) {
                    request.setHeader("Authorization", "Bearer " + bearer.read().strip());
                }
            }
            if (proxies.mayUseProxy() && request.getAuthority() != null) {
                HttpClientContext cc = HttpClientContext.castOrCreate(context);
                if (cc.getHttpRoute() != null && cc.getHttpRoute().getProxyHost() != null
                    && !cc.getHttpRoute().isTunnelled()) {
                    URI proxy = proxies.proxyFor(request.getScheme() == null ? "http" : request.getScheme(),
                            request.getAuthority().getHostName(), request.getAuthority().getPort());
                    String pa = proxyAuthorization(proxy);
                    if (pa != null) {
                        request.setHeader("Proxy-Authorization", pa);
                    }
                }
            }
        }
    }
}
