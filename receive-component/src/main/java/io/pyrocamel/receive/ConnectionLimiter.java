package io.pyrocamel.receive;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Counts accepted connections on the server channel and enforces {@code connLimit} at accept time, as Go's
 * {@code netutil.LimitListener} does: at the limit the server channel stops accepting (auto-read off), so further
 * connections wait in the kernel's accept queue instead of being refused; when an accepted connection closes, accepting
 * resumes. The server channel reads one connection per read ({@code MAX_MESSAGES_PER_READ = 1}), so never more than
 * the limit are accepted.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private final int limit;
    private final AtomicInteger open = new AtomicInteger();

    /** @param limit most connections at once; 0 = no limit (counting only) */
    ConnectionLimiter(int limit) {
        this.limit = limit;
    }

    /** Accepted connections that are still open (the {@code tcp_connections} gauge). */
    int open() {
        return open.get();
    }

    int limit() {
        return limit;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Channel child) {
            Channel server = ctx.channel();
            int n = open.incrementAndGet();
            child.closeFuture().addListener(f -> released(server));
            if (limit > 0 && n >= limit) {
                server.config().setAutoRead(false);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void released(Channel server) {
        open.decrementAndGet();
        if (limit > 0 && server.isOpen()) {
            // accept state is changed only on the server channel's event loop, so it cannot race an accept
            server.eventLoop().execute(() -> {
                if (open.get() < limit && !server.config().isAutoRead()) {
                    server.config().setAutoRead(true);
                }
            });
        }
    }
}
