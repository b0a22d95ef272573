package io.pyrocamel.receive;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ImmediateEventExecutor;

import org.apache.camel.CamelContext;
import org.apache.camel.component.netty.NettyConsumer;
import org.apache.camel.component.netty.NettyServerBootstrapConfiguration;
import org.apache.camel.component.netty.NettyServerBootstrapFactory;
import org.apache.camel.component.netty.http.HttpServerConsumerChannelFactory;
import org.apache.camel.component.netty.http.NettyHttpConsumer;
import org.apache.camel.component.netty.http.NettySharedHttpServer;
import org.apache.camel.component.netty.http.NettySharedHttpServerBootstrapConfiguration;
import org.apache.camel.component.netty.http.handlers.HttpServerMultiplexChannelHandler;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one receiver, plugged into camel-netty-http through its {@link NettySharedHttpServer} SPI: the
 * internal netty-http endpoint's consumer registers with this server's multiplex handler (camel-netty-http's), and the
 * server owns what camel-netty-http cannot configure: the server channel's accept limit, the pipeline
 * ({@link ReceiveChannelInitializer}), the event loops (named after the endpoint) and the bind.
 */
final class ReceiveHttpServer extends ServiceSupport implements NettySharedHttpServer, NettyServerBootstrapFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveHttpServer.class);

    private final CamelContext camelContext;
    private final ReceiveSettings settings;
    private final SslContext sslContext;
    private final ReceiveMetrics metrics;
    private final ConnectionLimiter limiter;
    private final HttpServerMultiplexChannelHandler channelFactory = new HttpServerMultiplexChannelHandler();
    private final ChannelGroup channels = new DefaultChannelGroup("pyroscope-receive-http", ImmediateEventExecutor.INSTANCE);
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;
    private volatile int boundPort = -1;

    ReceiveHttpServer(CamelContext camelContext, ReceiveSettings settings, SslContext sslContext,
                      ReceiveMetrics metrics, ConnectionLimiter limiter) {
        this.camelContext = camelContext;
        this.settings = settings;
        this.sslContext = sslContext;
        this.metrics = metrics;
        this.limiter = limiter;
        channelFactory.init(settings.listenPort());
    }

    /** Binds the listening socket; called once the netty-http consumer is registered. */
    void bind() throws Exception {
        String threadBase = "pyroscope-receive-http:" + settings.name();
        bossGroup = new NioEventLoopGroup(1, threadFactory(threadBase + "-accept"));
        workerGroup = new NioEventLoopGroup(0, threadFactory(threadBase + "-io"));
        ServerBootstrap b = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(limiter)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ReceiveChannelInitializer(settings, sslContext, metrics,
                        channelFactory.getChannelHandler(), channels));
        if (settings.connLimit() > 0) {
            // accept one connection per read, so auto-read off at the limit stops the very next accept
            b.option(ChannelOption.RCVBUF_ALLOCATOR, new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(1));
        }
        InetSocketAddress address = settings.listenAddress().isEmpty()
                ? new InetSocketAddress(settings.listenPort())
                : new InetSocketAddress(settings.listenAddress(), settings.listenPort());
        try {
            serverChannel = b.bind(address).sync().channel();
        } catch (Exception e) {
            shutdownGroups();
            throw new IllegalStateException("pyroscope-receive-http:" + settings.name() + ": cannot listen on "
                                            + address + ": " + e.getMessage(), e);
        }
        channels.add(serverChannel);
        boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("pyroscope-receive-http:{} listening on {}:{} ({}, connLimit {})", settings.name(),
                settings.listenAddress().isEmpty() ? "*" : settings.listenAddress(), boundPort,
                sslContext != null ? "HTTPS, HTTP/1.1 and h2" : "HTTP/1.1 and h2c", settings.connLimit());
    }

    private ThreadFactory threadFactory(String name) {
        return new CamelThreadFactory(camelContext.getExecutorServiceManager().getThreadNamePattern(), name, true);
    }

    /** The port bound, or -1 before {@link #bind()}. */
    int boundPort() {
        return boundPort;
    }

    @Override
    protected void doStop() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            serverChannel = null;
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdownGroups();
        boundPort = -1;
    }

    private void shutdownGroups() {
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            bossGroup = null;
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            workerGroup = null;
        }
    }

    // NettySharedHttpServer: the receiver configures the server itself

    @Override
    public void setNettyServerBootstrapConfiguration(NettySharedHttpServerBootstrapConfiguration configuration) {
        // not used: ReceiveSettings configure the server
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        // given in the constructor
    }

    @Override
    public void setStartServer(boolean startServer) {
        // the receiver binds explicitly once its consumer is registered
    }

    @Override
    public void setThreadNamePattern(String pattern) {
        // threads are named after the endpoint with the context's pattern
    }

    @Override
    public int getPort() {
        return boundPort >= 0 ? boundPort : settings.listenPort();
    }

    @Override
    public HttpServerConsumerChannelFactory getConsumerChannelFactory() {
        return channelFactory;
    }

    @Override
    public NettyServerBootstrapFactory getServerBootstrapFactory() {
        return this;
    }

    @Override
    public int getConsumersSize() {
        return channelFactory.consumers();
    }

    // NettyServerBootstrapFactory: the netty-http consumer starts/stops this and registers with the multiplex handler

    @Override
    public void init(CamelContext camelContext, NettyServerBootstrapConfiguration configuration,
                     ChannelInitializer<Channel> pipelineFactory) {
        // the pipeline is ReceiveChannelInitializer
    }

    @Override
    public void init(ThreadFactory threadFactory, NettyServerBootstrapConfiguration configuration,
                     ChannelInitializer<Channel> pipelineFactory) {
        // the pipeline is ReceiveChannelInitializer
    }

    @Override
    public void addChannel(Channel channel) {
        channels.add(channel);
    }

    @Override
    public void removeChannel(Channel channel) {
        channels.remove(channel);
    }

    @Override
    public void addConsumer(NettyConsumer consumer) {
        channelFactory.addConsumer((NettyHttpConsumer) consumer);
    }

    @Override
    public void removeConsumer(NettyConsumer consumer) {
        channelFactory.removeConsumer((NettyHttpConsumer) consumer);
    }
}
