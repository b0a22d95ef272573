package io.pyrocamel.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny OAuth 2.0 token endpoint on loopback ({@code POST /token}, client-credentials grant). It checks the client id
 * and secret (from HTTP Basic, or from the form when {@link #paramsOnly} is set, as some servers insist), issues
 * {@code token-1}, {@code token-2}, ... with the configured {@code expires_in}, and records every request.
 */
public final class TokenServer implements AutoCloseable {

    /** One token request. */
    public record TokenRequest(String authorization, Map<String, String> form, String issued) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "token-server");
        t.setDaemon(true);
        return t;
    });
    private final String clientId;
    private volatile String clientSecret;
    private volatile long expiresIn;
    private volatile boolean paramsOnly;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    private final boolean tls;

    private TokenServer(String clientId, String clientSecret, long expiresIn, TestCertificates.Issued cert)
            throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.expiresIn = expiresIn;
        this.tls = cert != null;
        if (cert != null) {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                    new InetSocketAddress("127.0.0.1", 0), 0);
            try {
                javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(cert.keyStore(), TestCertificates.password());
                javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(ctx));
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            server = https;
        } else {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        server.createContext("/token", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a token server for this client; tokens live {@code expiresIn} seconds (0 = no expires_in). */
    public static TokenServer start(String clientId, String clientSecret, long expiresIn) {
        try {
            return new TokenServer(clientId, clientSecret, expiresIn, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token server over HTTPS with this certificate. */
    public static TokenServer startTls(String clientId, String clientSecret, long expiresIn,
                                       TestCertificates.Issued certificate) {
        try {
            return new TokenServer(clientId, clientSecret, expiresIn, certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String tokenUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** Refuse HTTP Basic client authentication; accept only client_id/client_secret in the form. */
    public TokenServer paramsOnly(boolean on) {
        this.paramsOnly = on;
        return this;
    }

    public TokenServer clientSecret(String secret) {
        this.clientSecret = secret;
        return this;
    }

    public TokenServer expiresIn(long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    /** Tokens issued so far. */
    public int issued() {
        return issued.get();
    }

    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String id = null;
            String secret = null;
            if (auth != null && auth.startsWith("Basic ") && !paramsOnly) {
                String[] up = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8)
                        .split(":", 2);
                id = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
                secret = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
            } else if (form.containsKey("client_id")) {
                id = form.get("client_id");
                secret = form.get("client_secret");
            }
            if (!ex.getRequestMethod().equals("POST") || !"client_credentials".equals(form.get("grant_type"))
                || !clientId.equals(id) || !clientSecret.equals(secret)) {
                requests.add(new TokenRequest(auth, form, null));
                reply(ex, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = "token-" + issued.incrementAndGet();
            requests.add(new TokenRequest(auth, form, token));
            long exp = expiresIn;
            reply(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\""
                           + (exp > 0 ? ",\"expires_in\":" + exp : "") + "}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
