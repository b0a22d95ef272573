package io.pyrocamel.receive;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.NettyConstants;
import org.apache.camel.component.netty.http.NettyHttpMessage;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.IngestProfile;

/**
 * The processor of the internal camel-netty-http consumer: one call per HTTP request that passed the
 * {@link RequestGuard}. On the event loop it only copies the request out of Netty's buffers; decoding and routing run
 * on the receiver's thread pool, and the HTTP answer is written when every exchange of the request is done (or the
 * request's deadline passed). The netty-http exchange never carries an exception: its body is the finished Netty
 * response, so camel-netty-http writes exactly that (no stack traces).
 */
final class ReceiveRequestProcessor extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveRequestProcessor.class);
    private static final int MAX_MESSAGE = 512;

    private final PyroscopeReceiveHttpConsumer consumer;
    private final ReceiveSettings settings;
    private final ExecutorService executor;
    private final ReceiveMetrics metrics;

    ReceiveRequestProcessor(PyroscopeReceiveHttpConsumer consumer, ReceiveSettings settings, ExecutorService executor,
                            ReceiveMetrics metrics) {
        this.consumer = consumer;
        this.settings = settings;
        this.executor = executor;
        this.metrics = metrics;
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        FullHttpRequest req = http.getIn(NettyHttpMessage.class).getHttpRequest();
        ByteBuf content = req.content();
        byte[] body = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), body);
        ReceivedRequest r = new ReceivedRequest(req.method().name(), req.uri(), ReceiveRoute.of(req.uri()),
                req.headers().copy(), body, HttpUtil.isKeepAlive(req), System.nanoTime());
        ChannelHandlerContext ctx = http.getIn().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        Answer answer = new Answer(http, callback, r, ctx);
        metrics.started(r.route());
        try {
            executor.execute(() -> handle(r, answer));
        } catch (RejectedExecutionException e) {
            answer.send(r.route() == ReceiveRoute.PUSH
                    ? Responses.error(ConnectCode.UNAVAILABLE, "receiver overloaded: retry later")
                    : Responses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, ConnectCode.UNAVAILABLE,
                            "receiver overloaded: retry later"), false);
        }
        return false;
    }

    private void handle(ReceivedRequest r, Answer answer) {
        try {
            if (r.route() == ReceiveRoute.PUSH) {
                ConnectPush.Decoded push = ConnectPush.decode(r, settings.maxBodySize());
                answer.deadline(push.timeoutMillis(), true);
                answer.deadline(settings.writeTimeoutMs(), false);
                Instant deadline = push.timeoutMillis() >= 0
                        ? Instant.now().plusMillis(push.timeoutMillis()) : null;
                RouteDispatcher.dispatch(consumer, push.profiles(), tenant(r), deadline, outcome -> {
                    if (outcome.failure() == null) {
                        FullHttpResponse ok = Responses.of(HttpResponseStatus.OK, push.codec().contentType(),
                                push.codec().emptyResponse());
                        ok.headers().set(HttpHeaderNames.ACCEPT_ENCODING, "gzip");
                        answer.send(ok, false);
                    } else {
                        answer.send(Responses.error(ConnectCode.UNAVAILABLE,
                                "forwarding failed: " + brief(outcome.failure())), false);
                    }
                });
            } else {
                IngestProfile profile = IngestRequests.decode(r);
                answer.deadline(settings.writeTimeoutMs(), false);
                RouteDispatcher.dispatch(consumer, List.of(profile), tenant(r), null, outcome -> {
                    if (outcome.failure() == null) {
                        answer.send(Responses.empty(HttpResponseStatus.OK), false);
                    } else {
                        answer.send(ingestFailure(outcome.failure()), false);
                    }
                });
            }
        } catch (ReceiveException e) {
            FullHttpResponse resp = Responses.error(e.status(), e.code(), e.getMessage());
            if (e.status().code() == 415) {
                resp.headers().set("Accept-Post", Responses.CONNECT_ACCEPT_POST);
            }
            LOG.debug("pyroscope-receive-http:{} rejected {} {}: {} {}", settings.name(), r.method(), r.uri(),
                    e.status().code(), e.getMessage());
            answer.send(resp, false);
        } catch (RuntimeException e) {
            LOG.warn("pyroscope-receive-http:{} failed on {} {}", settings.name(), r.method(), r.uri(), e);
            answer.send(r.route() == ReceiveRoute.PUSH
                    ? Responses.error(ConnectCode.INTERNAL, "internal error: " + brief(e))
                    : Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, ConnectCode.INTERNAL,
                            "internal error: " + brief(e)), false);
        }
    }

    /** A failed /ingest route: mirror a downstream HTTP status as Alloy does, else a retryable 503. */
    private static FullHttpResponse ingestFailure(Throwable failure) {
        int status = DownstreamStatus.of(failure);
        if (status > 0) {
            HttpResponseStatus s = HttpResponseStatus.valueOf(status);
            return Responses.text(s, s.reasonPhrase() + "\n");
        }
        return Responses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, ConnectCode.UNAVAILABLE,
                "forwarding failed: " + brief(failure));
    }

    private static String tenant(ReceivedRequest r) {
        String t = r.header("X-Scope-OrgID");
        return t == null || t.isBlank() ? null : t.trim();
    }

    /** A short, single-line description of a failure: type and message, never a stack trace. */
    static String brief(Throwable t) {
        String m = t.getMessage();
        String s = t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        s = s.replace('\r', ' ').replace('\n', ' ');
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }

    /** The single answer of one request: the first of route completion and deadlines wins. */
    private final class Answer {
        private final Exchange http;
        private final AsyncCallback callback;
        private final ReceivedRequest request;
        private final ChannelHandlerContext ctx;
        private final AtomicBoolean sent = new AtomicBoolean();
        private volatile ScheduledFuture<?> connectDeadline;
        private volatile ScheduledFuture<?> writeDeadline;

        Answer(Exchange http, AsyncCallback callback, ReceivedRequest request, ChannelHandlerContext ctx) {
            this.http = http;
            this.callback = callback;
            this.request = request;
            this.ctx = ctx;
        }

        /** Answers at the deadline unless the route finished: Connect-Timeout-Ms or serverWriteTimeout. */
        void deadline(long millis, boolean connectTimeout) {
            if (millis <= 0 && !(connectTimeout && millis == 0) || ctx == null) {
                return;
            }
            Runnable expire = connectTimeout
                    ? () -> send(Responses.error(ConnectCode.DEADLINE_EXCEEDED,
                            "the route did not finish within Connect-Timeout-Ms (" + millis + " ms)"), false)
                    : () -> send(request.route() == ReceiveRoute.PUSH
                            ? Responses.error(ConnectCode.UNAVAILABLE,
                                    "the route did not finish within serverWriteTimeout (" + millis + " ms)")
                            : Responses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, ConnectCode.UNAVAILABLE,
                                    "the route did not finish within serverWriteTimeout (" + millis + " ms)"), true);
            ScheduledFuture<?> f = ctx.executor().schedule(expire, millis, TimeUnit.MILLISECONDS);
            if (connectTimeout) {
                connectDeadline = f;
            } else {
                writeDeadline = f;
            }
            if (sent.get()) {
                f.cancel(false);
            }
        }

        void send(FullHttpResponse response, boolean close) {
            if (!sent.compareAndSet(false, true)) {
                return;
            }
            cancel(connectDeadline);
            cancel(writeDeadline);
            metrics.finished(request.route());
            metrics.request(request.method(), request.route(), response.status().code(),
                    System.nanoTime() - request.startNanos(), request.body().length,
                    response.content().readableBytes());
            if (close || !request.keepAlive()) {
                Responses.markClose(response);
                http.setProperty(NettyConstants.NETTY_CLOSE_CHANNEL_WHEN_COMPLETE, true);
            }
            http.getMessage().setBody(response);
            callback.done(false);
        }

        private void cancel(ScheduledFuture<?> f) {
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
