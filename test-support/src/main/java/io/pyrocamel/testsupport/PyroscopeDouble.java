package io.pyrocamel.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import io.pyrocamel.core.IngestName;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.types.v1.LabelPair;

/**
 * A Pyroscope ingester double: a real HTTP server on loopback (Jetty 12) serving the Connect
 * {@code POST /push.v1.PusherService/Push} and the legacy {@code POST /ingest}, over HTTP/1.1, h2c (prior knowledge
 * or upgrade), and TLS with ALPN h2/http1.1, optionally requiring client certificates.
 *
 * <p>It decodes every request with the project's protobuf classes and checks what a Pyroscope server checks (SPEC.md
 * §1.2, §1.3, §2): method (405 + {@code Allow: POST}), Content-Type (415 + {@code Accept-Post}),
 * {@code Connect-Protocol-Version} (must be 1 when present), {@code Content-Encoding} (gzip/identity, else 501
 * unimplemented), decodable body (400 invalid_argument), labels (non-empty, valid names, no duplicates, a
 * {@code __name__}), the ingest {@code name} (400 "service name is required" when empty), and, with multi-tenancy on,
 * {@code X-Scope-OrgID} (401 unauthenticated). A series without {@code service_name} is stored as
 * {@code unknown_service}, as Pyroscope does.
 *
 * <p>Tests script misbehaviour per request with {@link #enqueue(Reply...)} (5xx, 429, 4xx, Connect errors, stall,
 * close). Everything received is recorded ({@link #requests()}); what was accepted is in {@link #accepted()}.
 */
public final class PyroscopeDouble implements AutoCloseable {

    public static final String PUSH_PATH = "/push.v1.PusherService/Push";
    public static final String INGEST_PATH = "/ingest";

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private final boolean requireTenant;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pyroscope-double-timer");
        t.setDaemon(true);
        return t;
    });
    private final Set<Callback> stalled = Collections.synchronizedSet(new HashSet<>());

    private PyroscopeDouble(Builder b) {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("pyroscope-double");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        List<ConnectionFactory> factories = new ArrayList<>();
        this.tls = b.serverCertificate != null;
        if (tls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(b.serverCertificate.keyStore());
            ssl.setKeyStorePassword(new String(TestCertificates.password()));
            if (b.clientCa != null) {
                ssl.setTrustStore(b.clientCa);
                ssl.setTrustStorePassword(new String(TestCertificates.password()));
                ssl.setNeedClientAuth(true);
            }
            ssl.setSniRequired(false);
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer src = new SecureRequestCustomizer(false);
            https.addCustomizer(src);
            HttpConnectionFactory h1 = new HttpConnectionFactory(https);
            if (b.http2) {
                ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
                alpn.setDefaultProtocol(h1.getProtocol());
                factories.add(new SslConnectionFactory(ssl, alpn.getProtocol()));
                factories.add(alpn);
                factories.add(new HTTP2ServerConnectionFactory(https));
                factories.add(h1);
            } else {
                factories.add(new SslConnectionFactory(ssl, h1.getProtocol()));
                factories.add(h1);
            }
        } else {
            factories.add(new HttpConnectionFactory(http));
            if (b.http2) {
                factories.add(new HTTP2CServerConnectionFactory(http));
            }
        }
        connector = new ServerConnector(server, 1, 1, factories.toArray(new ConnectionFactory[0]));
        connector.setHost(b.host);
        connector.setPort(b.port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                PyroscopeDouble.this.handle(request, response, callback);
                return true;
            }
        });
        this.requireTenant = b.requireTenant;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A plain HTTP/1.1 + h2c double on an ephemeral loopback port, started. */
    public static PyroscopeDouble start() {
        return builder().build().started();
    }

    public PyroscopeDouble started() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Pyroscope double", e);
        }
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} (or https). */
    public String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port();
    }

    /** Scripted replies, used in order by the next requests; after them the double behaves normally again. */
    public PyroscopeDouble enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests answered 200 by the normal behaviour. */
    public List<ReceivedRequest> accepted() {
        return requests.stream().filter(r -> r.replyKind() == Reply.Kind.NORMAL && r.status() == 200).toList();
    }

    public void reset() {
        requests.clear();
        script.clear();
    }

    @Override
    public void close() {
        synchronized (stalled) {
            for (Callback c : stalled) {
                c.failed(new IOException("double stopped"));
            }
            stalled.clear();
        }
        try {
            server.stop();
        } catch (Exception e) {
            // ignore
        }
        timers.shutdownNow();
    }

    private void handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        ByteBuffer bb = Content.Source.asByteBuffer(request);
        byte[] body = new byte[bb.remaining()];
        bb.get(body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.getValue());
        }
        String rawQuery = request.getHttpURI().getQuery();
        Map<String, List<String>> query = parseQuery(rawQuery);
        String protocol = request.getConnectionMetaData().getHttpVersion().asString();
        List<String> sni = new ArrayList<>();
        List<X509Certificate> certs = new ArrayList<>();
        EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        if (ssl != null) {
            SSLSession session = ssl.sslSession();
            if (session instanceof ExtendedSSLSession es) {
                for (SNIServerName n : es.getRequestedServerNames()) {
                    if (n instanceof SNIHostName h) {
                        sni.add(h.getAsciiName());
                    }
                }
            }
            if (ssl.peerCertificates() != null) {
                certs.addAll(List.of(ssl.peerCertificates()));
            }
        }
        String tenant = request.getHeaders().get("X-Scope-OrgID");

        Reply reply = script.poll();
        if (reply == null) {
            reply = Reply.normal();
        }
        Outcome out = switch (reply.kind()) {
            case NORMAL -> pyroscope(method, path, headers, body, query, tenant);
            case STATUS -> new Outcome(reply.status(), "text/plain; charset=utf-8", reply.message(), null, null);
            case CONNECT_ERROR -> new Outcome(reply.status(), "application/json",
                    connectJson(reply.code(), reply.message()), null, null);
            case STALL -> reply.delay() == null ? new Outcome(0, null, null, decodePush(path, headers, body), null)
                    : pyroscope(method, path, headers, body, query, tenant);
            case CLOSE -> new Outcome(0, null, null, decodePush(path, headers, body), null);
            case REDIRECT -> {
                Outcome o = new Outcome(reply.status(), "text/plain; charset=utf-8", "", null, null);
                o.extraHeader = new String[] {"Location", reply.message()};
                yield o;
            }
        };
        requests.add(new ReceivedRequest(method, path, rawQuery, query, protocol, headers, body, out.push,
                out.ingestLabels, tenant, List.copyOf(sni), List.copyOf(certs), out.status, reply.kind()));

        switch (reply.kind()) {
            case STALL -> {
                stalled.add(callback);
                if (reply.delay() != null) {
                    Outcome late = out;
                    timers.schedule(() -> {
                        if (stalled.remove(callback)) {
                            // after the delay: the normal answer
                            response.setStatus(late.status);
                            if (late.contentType != null) {
                                response.getHeaders().put(HttpHeader.CONTENT_TYPE, late.contentType);
                            }
                            byte[] bytes = late.body == null ? new byte[0] : late.body.getBytes(StandardCharsets.UTF_8);
                            response.write(true, ByteBuffer.wrap(bytes), callback);
                        }
                    }, reply.delay().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            case CLOSE -> {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new IOException("closed by the test"));
            }
            default -> {
                response.setStatus(out.status);
                if (out.extraHeader != null) {
                    response.getHeaders().put(out.extraHeader[0], out.extraHeader[1]);
                }
                if (out.contentType != null) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, out.contentType);
                }
                byte[] bytes = out.body == null ? new byte[0] : out.body.getBytes(StandardCharsets.UTF_8);
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
        }
    }

    private static final class Outcome {
        final int status;
        final String contentType;
        final String body;
        final PushRequest push;
        final Labels ingestLabels;
        String[] extraHeader;

        Outcome(int status, String contentType, String body, PushRequest push, Labels ingestLabels) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.push = push;
            this.ingestLabels = ingestLabels;
        }
    }

    private static PushRequest decodePush(String path, Map<String, List<String>> headers, byte[] body) {
        if (!path.endsWith(PUSH_PATH)) {
            return null;
        }
        try {
            return PushRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    /** What Pyroscope answers. */
    private Outcome pyroscope(String method, String path, Map<String, List<String>> headers, byte[] body,
                              Map<String, List<String>> query, String tenant) {
        if (path.endsWith(PUSH_PATH)) {
            return push(method, headers, body, tenant);
        }
        if (path.endsWith(INGEST_PATH)) {
            return ingest(method, query, tenant);
        }
        return new Outcome(404, "text/plain; charset=utf-8", "404 page not found\n", null, null);
    }

    private Outcome push(String method, Map<String, List<String>> headers, byte[] body, String tenant) {
        if (!method.equals("POST")) {
            Outcome o = new Outcome(405, "text/plain; charset=utf-8", "Method Not Allowed", null, null);
            o.extraHeader = new String[] {"Allow", "POST"};
            return o;
        }
        String ct = first(headers, "content-type");
        String mime = ct == null ? "" : ct.toLowerCase(Locale.ROOT).replace(" ", "");
        boolean json;
        if (mime.equals("application/proto")) {
            json = false;
        } else if (mime.equals("application/json") || mime.equals("application/json;charset=utf-8")) {
            json = true;
        } else {
            Outcome o = new Outcome(415, null, null, null, null);
            o.extraHeader = new String[] {"Accept-Post", "application/json, application/proto"};
            return o;
        }
        String version = first(headers, "connect-protocol-version");
        if (version != null && !version.equals("1")) {
            return connectError(400, "invalid_argument", "connect-protocol-version must be \"1\": got \"" + version
                                                         + "\"", null);
        }
        String encoding = first(headers, "content-encoding");
        byte[] raw = body;
        if (encoding != null && !encoding.equals("identity")) {
            if (!encoding.equals("gzip")) {
                return connectError(501, "unimplemented", "unknown compression \"" + encoding
                                                          + "\": supported encodings are gzip", null);
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                return connectError(400, "invalid_argument", "unmarshal into push.v1.PushRequest: " + e, null);
            }
        }
        PushRequest push;
        try {
            if (json) {
                PushRequest.Builder pb = PushRequest.newBuilder();
                JsonFormat.parser().ignoringUnknownFields().merge(new String(raw, StandardCharsets.UTF_8), pb);
                push = pb.build();
            } else {
                push = PushRequest.parseFrom(raw);
            }
        } catch (IOException e) {
            return connectError(400, "invalid_argument", "unmarshal into push.v1.PushRequest: " + e.getMessage(),
                    null);
        }
        if (requireTenant && (tenant == null || tenant.isEmpty())) {
            return connectError(401, "unauthenticated", "no org id", push);
        }
        for (RawProfileSeries s : push.getSeriesList()) {
            String problem = validate(s.getLabelsList());
            if (problem != null) {
                return connectError(400, "invalid_argument", problem, push);
            }
        }
        return new Outcome(200, json ? "application/json" : "application/proto", json ? "{}" : "", push, null);
    }

    private static String validate(List<LabelPair> labels) {
        if (labels.isEmpty()) {
            return "profile series labels are empty: service name is required";
        }
        Set<String> seen = new HashSet<>();
        boolean hasName = false;
        for (LabelPair l : labels) {
            if (!seen.add(l.getName())) {
                return "duplicate label name: " + l.getName();
            }
            if (!LabelNames.isValidName(l.getName())) {
                return "invalid label name: " + l.getName();
            }
            if (l.getName().equals(LabelNames.NAME) && !l.getValue().isEmpty()) {
                hasName = true;
            }
        }
        if (!hasName) {
            return "invalid labels: metric name (__name__) is required";
        }
        return null;
    }

    private Outcome ingest(String method, Map<String, List<String>> query, String tenant) {
        if (!method.equals("POST")) {
            Outcome o = new Outcome(405, "text/plain; charset=utf-8", "Method Not Allowed", null, null);
            o.extraHeader = new String[] {"Allow", "POST"};
            return o;
        }
        List<String> names = query.get("name");
        String name = names == null || names.isEmpty() ? "" : names.get(0);
        if (name.isEmpty()) {
            return connectError(400, "invalid_argument", "service name is required", null);
        }
        Labels labels;
        try {
            labels = IngestName.parse(name);
        } catch (IllegalArgumentException e) {
            return connectError(400, "invalid_argument", e.getMessage(), null);
        }
        if (requireTenant && (tenant == null || tenant.isEmpty())) {
            return connectError(401, "unauthenticated", "no org id", null);
        }
        return new Outcome(200, null, "", null, labels);
    }

    private static Outcome connectError(int status, String code, String message, PushRequest push) {
        return new Outcome(status, "application/json", connectJson(code, message), push, null);
    }

    static String connectJson(String code, String message) {
        StringBuilder sb = new StringBuilder("{\"code\":\"").append(code).append('"');
        if (message != null && !message.isEmpty()) {
            sb.append(",\"message\":\"").append(message.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return sb.append('}').toString();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    /** Options of the double. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private boolean http2 = true;
        private boolean requireTenant;
        private TestCertificates.Issued serverCertificate;
        private KeyStore clientCa;

        private Builder() {
        }

        /** Serve h2c (cleartext) or ALPN h2 (TLS) besides HTTP/1.1 (default on). */
        public Builder http2(boolean on) {
            this.http2 = on;
            return this;
        }

        /** Multi-tenancy: requests without X-Scope-OrgID are refused (401 unauthenticated). */
        public Builder requireTenant(boolean on) {
            this.requireTenant = on;
            return this;
        }

        /** Serve TLS with this certificate. */
        public Builder tls(TestCertificates.Issued certificate) {
            this.serverCertificate = certificate;
            return this;
        }

        /** Require client certificates issued by this CA. */
        public Builder requireClientCertificate(TestCertificates ca) {
            this.clientCa = ca.trustStore();
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public PyroscopeDouble build() {
            return new PyroscopeDouble(this);
        }

        public PyroscopeDouble start() {
            return build().started();
        }
    }

    /** A URI on this double. */
    public URI uri(String pathAndQuery) {
        return URI.create(url() + pathAndQuery);
    }

    /** Waits until at least {@code n} requests arrived, or the timeout passes. */
    public List<ReceivedRequest> awaitRequests(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (requests.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return requests();
    }
}
