package io.pyrocamel.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.PyroscopeConstants;
import io.pyrocamel.core.http.HttpClientSettings;
import io.pyrocamel.core.http.HttpResponseData;
import io.pyrocamel.core.http.PyroHttpClient;
import io.pyrocamel.core.proto.push.v1.PushRequest;

/**
 * The non-blocking writer of one endpoint: builds the request (SPEC.md §4.3 / §2.5), runs Alloy's retry loop (§4.4)
 * with timers instead of sleeping threads, and records the metrics (§4.5). At most {@code maxConcurrentRequests}
 * exchanges are worked on at once; more wait in a FIFO queue (no thread held) of at most {@code maxQueuedRequests},
 * beyond which an exchange fails at once and counts as dropped.
 */
public class PyroscopeWriteProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeWriteProducer.class);

    /** Error bodies kept: Alloy keeps the first 2048 bytes of an /ingest error. */
    static final int INGEST_ERROR_BODY = 2048;
    /** Connect error bodies kept (JSON). */
    static final int CONNECT_ERROR_BODY = 64 * 1024;

    private final PyroscopeWriteEndpoint endpoint;
    private WriteSettings settings;
    private PyroHttpClient client;
    private ScheduledExecutorService scheduler;
    private WriteMetrics metrics;
    private String userAgent;
    private URI pushUri;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final ConcurrentLinkedQueue<Call> waiting = new ConcurrentLinkedQueue<>();
    private final Set<Call> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public PyroscopeWriteProducer(PyroscopeWriteEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public PyroscopeWriteEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping = false;
        settings = endpoint.getSettings();
        HttpClientSettings http = settings.http();
        http = endpoint.getHttp().resolveSslContext(http, getEndpoint().getCamelContext());
        String threadName = "pyroscope-write:" + settings.name();
        scheduler = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, threadName);
        String pattern = getEndpoint().getCamelContext().getExecutorServiceManager().getThreadNamePattern();
        PyroHttpClient.Options options = new PyroHttpClient.Options(threadName,
                new CamelThreadFactory(pattern, threadName + "-io", true), scheduler,
                settings.maxConcurrentRequests() + 1, settings.ioThreads(), settings.remoteTimeout(),
                endpoint.getHttp().getDnsResolver());
        try {
            client = PyroHttpClient.create(http, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pyroscope-write:" + endpoint.getWriterName() + ": " + e.getMessage(),
                    e);
        }
        client.start();
        metrics = new WriteMetrics(endpoint.getComponent().resolveMeterRegistry(), settings.url());
        userAgent = userAgent();
        pushUri = WriteRequests.pushUri(settings.url());
        endpoint.register(this, true);
        LOG.debug("pyroscope-write:{} started: url={} http={}", endpoint.getWriterName(), settings.url(), http);
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        endpoint.register(this, false);
        Call c;
        while ((c = waiting.poll()) != null) {
            queued.decrementAndGet();
            c.fail(new RejectedExecutionException("pyroscope-write:" + endpoint.getWriterName() + " is stopping"),
                    false);
        }
        for (Call a : List.copyOf(active)) {
            a.fail(new RejectedExecutionException("pyroscope-write:" + endpoint.getWriterName() + " is stopping"),
                    true);
        }
        if (client != null) {
            client.close();
            client = null;
        }
        if (scheduler != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        super.doStop();
    }

    /** {@code pyrocamel/<version> (<os>; binary)}, the counterpart of Alloy's {@code Alloy/<version> (<os>; <mode>)}. */
    static String userAgent() {
        String version = PyroscopeWriteProducer.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = "0.1.0";
        }
        String os = System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux")) {
            os = "linux";
        } else if (os.contains("mac")) {
            os = "darwin";
        } else if (os.contains("windows")) {
            os = "windows";
        }
        return "pyrocamel/" + version + " (" + os + "; binary)";
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long start = System.nanoTime();
        Call call;
        try {
            Object body = exchange.getMessage().getBody();
            Profile profile;
            if (body instanceof Profile p) {
                profile = p;
            } else {
                byte[] bytes = body == null ? null : exchange.getMessage().getBody(byte[].class);
                if (bytes == null) {
                    throw new IllegalArgumentException("pyroscope-write:" + endpoint.getWriterName()
                                                       + " needs a PushProfile, an IngestProfile or pprof bytes, got "
                                                       + (body == null ? "null" : body.getClass().getName()));
                }
                profile = RawProfiles.toPush(bytes,
                        exchange.getMessage().getHeader(PyroscopeConstants.SERVICE_NAME, String.class),
                        exchange.getMessage().getHeader(PyroscopeConstants.PROFILE_TYPE, String.class),
                        exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
            }
            call = prepare(profile, exchange, callback, start);
        } catch (IllegalArgumentException e) {
            // not retried, not counted as dropped (Alloy: Append returns the validation error)
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (!admit(call)) {
            callback.done(true);
            return true;
        }
        return false;
    }

    private Call prepare(Profile profile, Exchange exchange, AsyncCallback callback, long start) {
        Map<String, String> external = settings.externalLabels();
        String tenant = settings.configuresTenant() ? null
                : exchange.getMessage().getHeader(PyroscopeWriteConstants.TENANT_ID, String.class);
        long deadline = deadlineNanos(exchange);
        if (profile instanceof PushProfile push) {
            PushRequest req = WriteRequests.pushRequest(push, external);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            settings.headers().forEach((k, v) -> headers.add(Map.entry(k, v)));
            if (tenant != null && !tenant.isEmpty()) {
                headers.add(Map.entry(PyroscopeWriteConstants.TENANT_ID, tenant));
            }
            headers.removeIf(e -> isProtocolHeader(e.getKey()));
            headers.add(Map.entry("User-Agent", userAgent));
            headers.add(Map.entry("Connect-Protocol-Version", "1"));
            headers.add(Map.entry("Accept-Encoding", "gzip"));
            return new Call(exchange, callback, true, pushUri, headers, WriteRequests.bytes(req), "application/proto",
                    push.payloadSize(), push.samples().size(), start, deadline);
        }
        IngestProfile ingest = (IngestProfile) profile;
        Labels labels;
        URI uri;
        try {
            labels = WriteRequests.ingestLabels(ingest.labels(), external);
            uri = WriteRequests.ingestUri(settings.baseUri(), ingest, labels);
        } catch (InvalidLabelException e) {
            metrics.observeTotal(false, start); // Alloy's ingest_total also times a refused profile
            throw e;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        settings.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type")) {
                headers.add(Map.entry(k, v));
            }
        });
        if (tenant != null && !tenant.isEmpty()) {
            headers.add(Map.entry(PyroscopeWriteConstants.TENANT_ID, tenant));
        }
        String contentType = ingest.contentType().isEmpty() ? settings.headers().get("Content-Type")
                : ingest.contentType();
        return new Call(exchange, callback, false, uri, headers, ingest.body().asReadOnlyByteBuffer(), contentType,
                ingest.payloadSize(), 1, start, deadline);
    }

    private static boolean isProtocolHeader(String name) {
        return name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Connect-Protocol-Version")
               || name.equalsIgnoreCase("Connect-Timeout-Ms") || name.equalsIgnoreCase("User-Agent")
               || name.equalsIgnoreCase("Accept-Encoding");
    }

    private static long deadlineNanos(Exchange exchange) {
        Object d = exchange.getMessage().getHeader(PyroscopeWriteConstants.DEADLINE);
        Instant at = null;
        if (d instanceof Instant i) {
            at = i;
        } else if (d instanceof Number n) {
            at = Instant.ofEpochMilli(n.longValue());
        } else if (d instanceof String s && !s.isBlank()) {
            at = Instant.parse(s.strip());
        }
        if (at == null) {
            return Long.MAX_VALUE;
        }
        long leftMs = at.toEpochMilli() - System.currentTimeMillis();
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leftMs);
    }

    // ---- admission: at most maxConcurrentRequests running, the rest wait in a bounded FIFO ----

    private boolean admit(Call call) {
        if (tryAcquire()) {
            call.begin();
            return true;
        }
        if (queued.incrementAndGet() > settings.maxQueuedRequests()) {
            queued.decrementAndGet();
            metrics.droppedBytes.increment(call.bytes);
            metrics.droppedProfiles.increment(call.profiles);
            call.exchange.setException(new RejectedExecutionException("pyroscope-write:" + endpoint.getWriterName()
                    + ": " + settings.maxConcurrentRequests() + " requests in flight (maxConcurrentRequests) and "
                    + settings.maxQueuedRequests() + " waiting (maxQueuedRequests): profile dropped"));
            return false;
        }
        waiting.add(call);
        drain();
        return true;
    }

    private boolean tryAcquire() {
        while (true) {
            int r = running.get();
            if (r >= settings.maxConcurrentRequests()) {
                return false;
            }
            if (running.compareAndSet(r, r + 1)) {
                return true;
            }
        }
    }

    private void release() {
        running.decrementAndGet();
        drain();
    }

    private void drain() {
        while (!waiting.isEmpty() && tryAcquire()) {
            Call next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            queued.decrementAndGet();
            next.begin();
        }
    }

    /** Exchanges waiting for a slot (for tests and JMX). */
    int waitingCount() {
        return queued.get();
    }

    int runningCount() {
        return running.get();
    }

    // ---- one exchange: attempts, backoff, outcome ----

    /** The outcome of an attempt. */
    record Outcome(boolean ok, boolean retryable, int status, String code, String message, Throwable cause) {
        static final Outcome OK = new Outcome(true, false, 200, null, null, null);
    }

    final class Call {
        final Exchange exchange;
        final AsyncCallback callback;
        final boolean push;
        final URI uri;
        final List<Map.Entry<String, String>> headers;
        final ByteBuffer body;
        final String contentType;
        final long bytes;
        final int profiles;
        final long start;
        final long deadline;
        final Backoff backoff;
        final AtomicBoolean finished = new AtomicBoolean();
        long endpointStart;
        int retries;
        volatile Future<?> timer;
        volatile Future<?> attempt;

        Call(Exchange exchange, AsyncCallback callback, boolean push, URI uri, List<Map.Entry<String, String>> headers,
             ByteBuffer body, String contentType, long bytes, int profiles, long start, long deadline) {
            this.exchange = exchange;
            this.callback = callback;
            this.push = push;
            this.uri = uri;
            this.headers = headers;
            this.body = body;
            this.contentType = contentType;
            this.bytes = bytes;
            this.profiles = profiles;
            this.start = start;
            this.deadline = deadline;
            this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff(),
                    bound -> ThreadLocalRandom.current().nextLong(bound));
        }

        void begin() {
            active.add(this);
            endpointStart = System.nanoTime();
            attempt();
        }

        void attempt() {
            try {
                if (stopping || finished.get()) {
                    return;
                }
                long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    end(new Outcome(false, true, 0, ConnectCodes.DEADLINE_EXCEEDED,
                            "deadline_exceeded: the exchange's deadline passed", null));
                    return;
                }
                Duration timeout = left < settings.remoteTimeout().toNanos() ? Duration.ofNanos(left)
                        : settings.remoteTimeout();
                List<Map.Entry<String, String>> h = headers;
                if (push) {
                    h = new ArrayList<>(headers);
                    h.add(Map.entry("Connect-Timeout-Ms", Long.toString(Math.max(1, timeout.toMillis()))));
                }
                long t0 = System.nanoTime();
                PyroHttpClient.Request req = new PyroHttpClient.Request("POST", uri, h, body, contentType,
                        push ? CONNECT_ERROR_BODY : INGEST_ERROR_BODY);
                attempt = client.send(req, timeout).whenComplete((resp, err) -> {
                    try {
                        metrics.observeDownstream(push, t0);
                        Outcome o = push ? classifyPush(resp, err, timeout) : classifyIngest(resp, err, timeout);
                        if (o.ok() || !o.retryable()) {
                            end(o);
                        } else {
                            retryOrEnd(o);
                        }
                    } catch (RuntimeException e) {
                        fail(e, true);
                    }
                });
            } catch (RuntimeException e) {
                fail(e, true);
            }
        }

        private void retryOrEnd(Outcome o) {
            int max = settings.maxBackoffRetries();
            if (stopping || (max > 0 && retries >= max)) {
                end(o);
                return;
            }
            Duration delay = backoff.next();
            if (deadline != Long.MAX_VALUE && System.nanoTime() + delay.toNanos() - deadline >= 0) {
                end(o); // the caller's deadline ends during the wait
                return;
            }
            retries++;
            metrics.retries.increment();
            if (LOG.isDebugEnabled()) {
                LOG.debug("failed to {} to endpoint {} ({} retries so far), retrying in {} ms: {}",
                        push ? "push" : "ingest", settings.url(), retries - 1, delay.toMillis(), o.message());
            }
            try {
                timer = scheduler.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                end(o);
            }
        }

        private void end(Outcome o) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                if (o.ok()) {
                    metrics.sentBytes.increment(bytes);
                    metrics.sentProfiles.increment(profiles);
                } else {
                    metrics.droppedBytes.increment(bytes);
                    metrics.droppedProfiles.increment(profiles);
                    String msg = "failed to " + (push ? "push" : "ingest") + " to endpoint " + settings.url() + " ("
                                 + retries + " retries): " + o.message();
                    exchange.setException(new PyroscopeWriteException(msg, settings.url(), retries, o.status(),
                            o.code(), o.retryable(), o.cause()));
                }
                metrics.observeEndpoint(push, endpointStart);
                metrics.observeTotal(push, start);
            } finally {
                active.remove(this);
                release();
                callback.done(false);
            }
        }

        void fail(Throwable e, boolean admitted) {
            if (!admitted) {
                if (finished.compareAndSet(false, true)) {
                    metrics.droppedBytes.increment(bytes);
                    metrics.droppedProfiles.increment(profiles);
                    exchange.setException(e);
                    callback.done(false);
                }
                return;
            }
            Future<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            Future<?> a = attempt;
            if (a != null) {
                a.cancel(true);
            }
            end(new Outcome(false, false, 0, null, e.toString(), e));
        }
    }

    // ---- classification (SPEC.md §1.2 client side, §4.4, §12.1) ----

    Outcome classifyPush(HttpResponseData resp, Throwable err, Duration timeout) {
        if (err != null) {
            return transportError(err, timeout);
        }
        if (resp.status() == 200) {
            String ct = resp.header("content-type");
            if (ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/")) {
                return Outcome.OK;
            }
            return new Outcome(false, true, 200, ConnectCodes.UNKNOWN, "unknown: invalid content-type: \"" + ct
                                                                        + "\"; expecting \"application/proto\"", null);
        }
        String code = null;
        String message = null;
        String ct = resp.header("content-type");
        if (ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json") && !resp.truncated()) {
            try {
                byte[] body = resp.body();
                if ("gzip".equalsIgnoreCase(resp.header("content-encoding"))) {
                    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                        body = in.readAllBytes();
                    }
                }
                Object o = Jsoner.deserialize(new String(body, StandardCharsets.UTF_8));
                if (o instanceof JsonObject json && json.get("code") instanceof String c
                    && ConnectCodes.ALL.contains(c)) {
                    code = c;
                    message = json.getString("message");
                }
            } catch (IOException | org.apache.camel.util.json.DeserializationException | RuntimeException e) {
                code = null;
            }
        }
        if (code == null) {
            code = ConnectCodes.fromHttpStatus(resp.status());
            message = "HTTP status " + resp.status() + (resp.reason().isEmpty() ? "" : " " + resp.reason());
        }
        String text = code + ": " + (message == null ? "" : message);
        return new Outcome(false, retryPush(resp.status(), code), resp.status(), code, text, null);
    }

    boolean retryPush(int status, String code) {
        if (status == 429 || ConnectCodes.RESOURCE_EXHAUSTED.equals(code)) {
            return settings.retryOnHttp429();
        }
        if (status >= 400 && status < 500) {
            return false; // §12.1: a 4xx other than 429 is never retried
        }
        return ConnectCodes.RETRYABLE.contains(code);
    }

    Outcome classifyIngest(HttpResponseData resp, Throwable err, Duration timeout) {
        if (err != null) {
            Outcome t = transportError(err, timeout);
            return new Outcome(false, t.retryable(), 0, t.code(), t.code().equals(ConnectCodes.DEADLINE_EXCEEDED)
                    ? t.message() : "do request: " + describe(unwrap(err)), t.cause());
        }
        if (resp.status() == 200) {
            return Outcome.OK;
        }
        String msg = "remote error: pyroscope write error: status=" + resp.status() + " msg=" + resp.bodyText();
        return new Outcome(false, retryIngest(resp.status()), resp.status(), null, msg, null);
    }

    boolean retryIngest(int status) {
        if (status == 429) {
            return settings.retryOnHttp429();
        }
        if (status >= 400 && status < 500) {
            return false; // §12.1 (408 included)
        }
        return status >= 500;
    }

    private Outcome transportError(Throwable err, Duration timeout) {
        Throwable e = unwrap(err);
        if (e instanceof TimeoutException) {
            return new Outcome(false, true, 0, ConnectCodes.DEADLINE_EXCEEDED, "deadline_exceeded: no answer within "
                    + timeout.toMillis() + " ms (remoteTimeout)", e);
        }
        if (e instanceof CancellationException) {
            return new Outcome(false, false, 0, ConnectCodes.CANCELED, "canceled: " + e.getMessage(), e);
        }
        return new Outcome(false, true, 0, ConnectCodes.UNAVAILABLE, "unavailable: " + describe(e), e);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
