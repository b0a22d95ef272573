package io.pyrocamel.receive;

import java.util.concurrent.ExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.SslContext;

import org.apache.camel.Processor;
import org.apache.camel.component.netty.http.NettyHttpComponent;
import org.apache.camel.component.netty.http.NettyHttpEndpoint;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the receiver's HTTP server while the route runs. On start it builds, in order: the TLS context, the metrics,
 * the worker pool (named after the endpoint), a private camel-netty-http component and endpoint whose consumer
 * processes every request with {@link ReceiveRequestProcessor} on this module's server ({@link ReceiveHttpServer}),
 * and finally binds the port. Stop releases them in reverse order, so a route can restart.
 *
 * @since 0.1.0
 */
public final class PyroscopeReceiveHttpConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PyroscopeReceiveHttpConsumer.class);

    private ExecutorService executor;
    private ReceiveMetrics metrics;
    private ReceiveHttpServer server;
    private NettyHttpComponent nettyComponent;
    private org.apache.camel.Consumer nettyConsumer;
    private ConnectionLimiter connectionLimiter;

    PyroscopeReceiveHttpConsumer(PyroscopeReceiveHttpEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public PyroscopeReceiveHttpEndpoint getEndpoint() {
        return (PyroscopeReceiveHttpEndpoint) super.getEndpoint();
    }

    /** The port the server listens on, or -1 when it is not running. */
    public int getListenPort() {
        ReceiveHttpServer s = server;
        return s == null ? -1 : s.boundPort();
    }

    /** Accepted connections that are open now (the {@code tcp_connections} gauge). */
    public int getOpenConnections() {
        ReceiveHttpServer s = server;
        return s == null ? 0 : connectionLimiter.open();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ReceiveSettings settings = getEndpoint().settings();
        String where = "pyroscope-receive-http:" + settings.name() + ": ";
        SslContext ssl = settings.tls() == null ? null : ServerTls.build(where, settings.tls());
        connectionLimiter = new ConnectionLimiter(settings.connLimit());
        MeterRegistry registry = getEndpoint().getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
        metrics = new ReceiveMetrics(registry, settings.componentId(), connectionLimiter);

        String threadName = "pyroscope-receive-http:" + settings.name();
        ThreadPoolProfile profile = new ThreadPoolProfile(threadName);
        int cores = Runtime.getRuntime().availableProcessors();
        profile.setPoolSize(Math.max(4, cores * 2));
        profile.setMaxPoolSize(Math.max(64, cores * 16));
        profile.setMaxQueueSize(1000);
        profile.setKeepAliveTime(60L);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newThreadPool(this, threadName, profile);

        server = new ReceiveHttpServer(getEndpoint().getCamelContext(), settings, ssl, metrics, connectionLimiter);
        nettyComponent = new NettyHttpComponent();
        nettyComponent.setCamelContext(getEndpoint().getCamelContext());
        ServiceHelper.startService(nettyComponent);
        NettyHttpEndpoint nettyEndpoint = (NettyHttpEndpoint) nettyComponent.createEndpoint(
                "netty-http:http://localhost:" + Math.max(settings.listenPort(), 1)
                + "/?matchOnUriPrefix=true&muteException=true");
        nettyEndpoint.setNettySharedHttpServer(server);
        ServiceHelper.startService(nettyEndpoint);
        nettyConsumer = nettyEndpoint.createConsumer(new ReceiveRequestProcessor(this, settings, executor, metrics));
        ServiceHelper.startService(nettyConsumer);
        server.bind();
    }

    @Override
    protected void doStop() throws Exception {
        LOG.debug("Stopping {}", getEndpoint());
        ServiceHelper.stopService(nettyConsumer, server, nettyComponent);
        nettyConsumer = null;
        server = null;
        nettyComponent = null;
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        super.doStop();
    }
}
