package io.pyrocamel.receive;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import org.apache.camel.component.netty.NettyConsumer;
import org.apache.camel.component.netty.ServerInitializerFactory;

/**
 * The pipeline of each accepted connection:
 *
 * <pre>
 * [TLS + ALPN] → timeouts (raw bytes) → HTTP/1.1 codec → body limit → timeouts (requests) → guard → camel-netty-http
 *                                     ↘ HTTP/2 (h2c prior knowledge, or ALPN h2): frame codec → one child channel
 *                                        per stream: HTTP/2 ↔ HTTP/1 objects → body limit → guard → camel-netty-http
 * </pre>
 *
 * The last handler is camel-netty-http's multiplex channel handler, which makes the Camel exchange of the
 * {@link org.apache.camel.component.netty.http.NettyHttpConsumer} and writes its response.
 */
@Sharable
final class ReceiveChannelInitializer extends ServerInitializerFactory {

    /** Go's DefaultMaxHeaderBytes. */
    static final int MAX_HEADER_SIZE = 1 << 20;
    static final int MAX_INITIAL_LINE = 64 * 1024;

    private final ReceiveSettings settings;
    private final SslContext sslContext;
    private final ReceiveMetrics metrics;
    private final RequestGuard guard;
    private final ChannelHandler camelHandler;
    private final ChannelGroup channels;

    ReceiveChannelInitializer(ReceiveSettings settings, SslContext sslContext, ReceiveMetrics metrics,
                              ChannelHandler camelHandler, ChannelGroup channels) {
        this.channels = channels;
        this.settings = settings;
        this.sslContext = sslContext;
        this.metrics = metrics;
        this.guard = new RequestGuard(metrics);
        this.camelHandler = camelHandler;
    }

    @Override
    public ServerInitializerFactory createPipelineFactory(NettyConsumer consumer) {
        return this;
    }

    @Override
    protected void initChannel(Channel ch) {
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        ConnectionTimeouts timeouts = new ConnectionTimeouts(ch, settings.readTimeoutMs(), settings.idleTimeoutMs());
        if (sslContext != null) {
            p.addLast("tls", sslContext.newHandler(ch.alloc()));
        }
        p.addLast("read-timeouts", timeouts.rawWatcher());
        if (sslContext != null) {
            p.addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                @Override
                protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                    if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                        addHttp2(ctx.pipeline(), timeouts);
                    } else {
                        addHttp1(ctx.pipeline(), timeouts);
                    }
                }
            });
        } else {
            p.addLast("protocol", new PrefaceSniffer(timeouts));
        }
    }

    private void addHttp1(ChannelPipeline p, ConnectionTimeouts timeouts) {
        p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 64 * 1024));
        p.addLast("body", new BodyLimitAggregator(settings.maxBodySize(), timeouts, metrics));
        p.addLast("request-timeouts", timeouts.requestWatcher());
        p.addLast("guard", guard);
        p.addLast("camel", camelHandler);
    }

    private void addHttp2(ChannelPipeline p, ConnectionTimeouts timeouts) {
        timeouts.http2();
        if (settings.idleTimeoutMs() > 0) {
            p.addLast("idle", new IdleStateHandler(0, 0, settings.idleTimeoutMs(), TimeUnit.MILLISECONDS));
            p.addLast("idle-close", new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                    if (evt instanceof IdleStateEvent) {
                        ctx.close();
                    } else {
                        super.userEventTriggered(ctx, evt);
                    }
                }
            });
        }
        p.addLast("h2", Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxHeaderListSize(MAX_HEADER_SIZE))
                .build());
        p.addLast("h2-streams", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                ChannelPipeline sp = stream.pipeline();
                sp.addLast("http", new Http2StreamFrameToHttpObjectCodec(true));
                sp.addLast("body", new BodyLimitAggregator(settings.maxBodySize(), null, metrics));
                sp.addLast("guard", guard);
                sp.addLast("camel", camelHandler);
            }
        }));
    }

    /**
     * Serves h2c with prior knowledge (the HTTP/2 connection preface as the first bytes) and HTTP/1.1 otherwise. An
     * HTTP/1.1 {@code Upgrade: h2c} header is ignored (the request is answered over HTTP/1.1, which RFC 9110 allows).
     */
    private final class PrefaceSniffer extends ByteToMessageDecoder {

        private final ConnectionTimeouts timeouts;

        PrefaceSniffer(ConnectionTimeouts timeouts) {
            this.timeouts = timeouts;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            ByteBuf preface = Http2CodecUtil.connectionPrefaceBuf();
            try {
                int n = Math.min(in.readableBytes(), preface.readableBytes());
                boolean matches = ByteBufUtil.equals(in, in.readerIndex(), preface, 0, n);
                if (matches && n < preface.readableBytes()) {
                    return; // wait for more bytes
                }
                ChannelPipeline p = ctx.pipeline();
                if (matches) {
                    addHttp2(p, timeouts);
                } else {
                    addHttp1(p, timeouts);
                }
                p.remove(this);
            } finally {
                preface.release();
            }
        }
    }
}
