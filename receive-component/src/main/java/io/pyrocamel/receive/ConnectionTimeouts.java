package io.pyrocamel.receive;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Go's {@code http.Server} read and idle timeouts for one HTTP/1.x connection (the write timeout is the request
 * deadline of {@link ReceiveRequestProcessor}). All methods run on the channel's event loop.
 *
 * <ul>
 * <li>read: from the accept (first request) or from a request's first byte until the whole request is read; expiry
 * answers 408 when part of a request arrived, else just closes;</li>
 * <li>idle: from a response written on a kept-alive connection until the next request's first byte; expiry closes.</li>
 * </ul>
 * An HTTP/2 connection leaves this state machine ({@link #http2()}) and is closed by an idle handler instead.
 */
final class ConnectionTimeouts {

    private enum State { READING, PROCESSING, IDLE, HTTP2 }

    private final Channel channel;
    private final long readMs;
    private final long idleMs;
    private State state = State.READING;
    private boolean bytesSeen;
    private ScheduledFuture<?> timer;

    ConnectionTimeouts(Channel channel, long readMs, long idleMs) {
        this.channel = channel;
        this.readMs = readMs;
        this.idleMs = idleMs;
    }

    /** The handler placed first (after TLS): starts the clock at accept and notices a request's first bytes. */
    ChannelInboundHandlerAdapter rawWatcher() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                schedule(readMs, ConnectionTimeouts.this::readTimedOut);
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf b && b.isReadable()) {
                    bytesArrived();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };
    }

    /** The handler placed after the body aggregator: sees whole requests and final responses. */
    ChannelDuplexHandler requestWatcher() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof FullHttpRequest) {
                    requestComplete();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                boolean last = msg instanceof FullHttpResponse r ? r.status().code() >= 200
                        : msg instanceof LastHttpContent;
                if (msg instanceof HttpResponse r && !(msg instanceof FullHttpResponse)
                    && r.status().code() < 200) {
                    last = false;
                }
                if (last) {
                    promise = promise.unvoid();
                    promise.addListener((ChannelFutureListener) f -> responseWritten());
                }
                ctx.write(msg, promise);
            }
        };
    }

    void bytesArrived() {
        if (state == State.IDLE) {
            state = State.READING;
            bytesSeen = true;
            schedule(readMs, this::readTimedOut);
        } else if (state == State.READING) {
            bytesSeen = true;
        }
    }

    void requestComplete() {
        if (state == State.HTTP2) {
            return;
        }
        cancel();
        state = State.PROCESSING;
    }

    /** A final response went out (also the 413 the body limit writes). */
    void responseWritten() {
        if (state == State.HTTP2 || !channel.isOpen()) {
            return;
        }
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(this::responseWritten);
            return;
        }
        cancel();
        state = State.IDLE;
        bytesSeen = false;
        schedule(idleMs, this::idleTimedOut);
    }

    /** The connection speaks HTTP/2 from now on. */
    void http2() {
        cancel();
        state = State.HTTP2;
    }

    private void readTimedOut() {
        if (state != State.READING || !channel.isOpen()) {
            return;
        }
        if (bytesSeen) {
            FullHttpResponse r = Responses.text(HttpResponseStatus.REQUEST_TIMEOUT,
                    "request not read within serverReadTimeout (" + readMs + " ms)\n");
            Responses.markClose(r);
            channel.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    private void idleTimedOut() {
        if (state == State.IDLE) {
            channel.close();
        }
    }

    private void schedule(long ms, Runnable task) {
        cancel();
        if (ms > 0) {
            timer = channel.eventLoop().schedule(task, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
