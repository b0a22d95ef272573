package io.pyrocamel.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * OAuth 2.0 client-credentials tokens, as Go's {@code golang.org/x/oauth2/clientcredentials} (what Alloy uses) gets
 * them: a form POST to the token URL with {@code grant_type=client_credentials}, {@code scope} (space-joined) and
 * the endpoint parameters; client authentication by HTTP Basic first and, if the server refuses that, by form
 * parameters (remembered from then on). The token is cached and fetched again 10 s before it expires (a token without
 * {@code expires_in} never expires), or when the client secret (file re-read on every request) changes. Concurrent
 * callers share one fetch.
 */
final class OAuth2TokenSource {

    /** x/oauth2's {@code expiryDelta}: refresh this long before the token expires. */
    static final Duration EXPIRY_DELTA = Duration.ofSeconds(10);
    private static final int MAX_BODY = 1 << 20;

    private record Token(String header, long refreshAtNanos, String secret) {
        boolean fresh(String currentSecret) {
            return secret.equals(currentSecret) && System.nanoTime() - refreshAtNanos < 0;
        }
    }

    private final OAuth2Settings settings;
    private final PyroHttpClient tokenClient;
    private volatile Token token;
    private CompletableFuture<Token> inflight;
    private String inflightSecret;
    /** null: not known yet (try Basic first); true: credentials in the form; false: Basic. */
    private volatile Boolean authInParams;

    OAuth2TokenSource(OAuth2Settings settings, PyroHttpClient tokenClient) {
        this.settings = settings;
        this.tokenClient = tokenClient;
    }

    /** The Authorization header value ({@code Bearer <token>}) for a request that must be sent before the deadline. */
    CompletableFuture<String> authorization(Duration timeout) {
        String secret;
        try {
            secret = settings.clientSecretSource().read();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        Token t = token;
        if (t != null && t.fresh(secret)) {
            return CompletableFuture.completedFuture(t.header());
        }
        CompletableFuture<Token> f;
        synchronized (this) {
            if (inflight != null && secret.equals(inflightSecret)) {
                f = inflight;
            } else {
                f = fetch(secret, timeout);
                inflight = f;
                inflightSecret = secret;
                CompletableFuture<Token> mine = f;
                f.whenComplete((tok, err) -> {
                    synchronized (this) {
                        if (inflight == mine) {
                            inflight = null;
                            inflightSecret = null;
                        }
                    }
                    if (tok != null) {
                        token = tok;
                    }
                });
            }
        }
        return f.thenApply(Token::header);
    }

    private CompletableFuture<Token> fetch(String secret, Duration timeout) {
        Boolean style = authInParams;
        if (style != null) {
            return request(secret, style, timeout);
        }
        return request(secret, false, timeout).handle((tok, err) -> {
            if (err == null) {
                authInParams = false;
                return CompletableFuture.completedFuture(tok);
            }
            return request(secret, true, timeout).thenApply(t -> {
                authInParams = true;
                return t;
            });
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Token> request(String secret, boolean inParams, Duration timeout) {
        Map<String, String> form = new TreeMap<>();
        form.put("grant_type", "client_credentials");
        if (!settings.scopes().isEmpty()) {
            form.put("scope", String.join(" ", settings.scopes()));
        }
        for (Map.Entry<String, String> e : settings.endpointParams().entrySet()) {
            if (form.containsKey(e.getKey()) && !e.getKey().equals("grant_type")) {
                return CompletableFuture.failedFuture(new IOException("oauth2: cannot overwrite parameter \""
                                                                      + e.getKey() + "\""));
            }
            form.put(e.getKey(), e.getValue());
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (inParams) {
            form.put("client_id", settings.clientId());
            form.put("client_secret", secret);
        } else {
            String userPass = enc(settings.clientId()) + ":" + enc(secret);
            headers.add(Map.entry("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8))));
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(enc(k)).append('=').append(enc(v));
        });
        PyroHttpClient.Request req = new PyroHttpClient.Request("POST", URI.create(settings.tokenUrl()), headers,
                ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8)),
                "application/x-www-form-urlencoded", MAX_BODY);
        long started = System.nanoTime();
        return tokenClient.send(req, timeout).thenApply(resp -> parse(resp, secret, started));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Token parse(HttpResponseData resp, String secret, long started) {
        if (resp.status() < 200 || resp.status() > 299) {
            throw new OAuth2Exception("oauth2: cannot fetch token: " + resp.status() + " " + resp.reason()
                                      + "\nResponse: " + resp.bodyText());
        }
        String accessToken;
        String tokenType;
        long expiresIn = 0;
        String ct = resp.header("content-type");
        String mime = ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (mime.equals("application/x-www-form-urlencoded") || mime.equals("text/plain")) {
            Map<String, String> vals = new TreeMap<>();
            for (String pair : resp.bodyText().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vals.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            accessToken = vals.get("access_token");
            tokenType = vals.get("token_type");
            expiresIn = parseLong(vals.get("expires_in"));
        } else {
            JsonObject json;
            try {
                Object o = Jsoner.deserialize(resp.bodyText());
                if (!(o instanceof JsonObject jo)) {
                    throw new OAuth2Exception("oauth2: cannot parse json: not an object");
                }
                json = jo;
            } catch (org.apache.camel.util.json.DeserializationException e) {
                throw new OAuth2Exception("oauth2: cannot parse json: " + e.getMessage());
            }
            accessToken = json.getString("access_token");
            tokenType = json.getString("token_type");
            Object exp = json.get("expires_in");
            if (exp instanceof Number n) {
                expiresIn = n.longValue();
            } else if (exp != null) {
                expiresIn = parseLong(exp.toString());
            }
        }
        if (accessToken == null || accessToken.isEmpty()) {
            throw new OAuth2Exception("oauth2: server response missing access_token");
        }
        long refreshAt = expiresIn > 0
                ? started + Duration.ofSeconds(expiresIn).minus(EXPIRY_DELTA).toNanos()
                : started + Duration.ofDays(365 * 100L).toNanos();
        return new Token(type(tokenType) + " " + accessToken, refreshAt, secret);
    }

    /** x/oauth2's {@code Token.Type()}. */
    static String type(String tokenType) {
        if (tokenType == null || tokenType.isEmpty()) {
            return "Bearer";
        }
        if (tokenType.equalsIgnoreCase("bearer")) {
            return "Bearer";
        }
        if (tokenType.equalsIgnoreCase("mac")) {
            return "MAC";
        }
        if (tokenType.equalsIgnoreCase("basic")) {
            return "Basic";
        }
        return tokenType;
    }

    private static long parseLong(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A token endpoint refused or answered nonsense. */
    static final class OAuth2Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OAuth2Exception(String message) {
            super(message);
        }
    }
}
