package io.pyrocamel.receive;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates a request body (fixed length or chunked) up to {@code maxBodySize}; a larger body gets 413 with a
 * message, and the rest of it is discarded as it arrives, never buffered. Connection handling as Netty's aggregator:
 * when the client has already started sending the body (or does not keep the connection alive) the connection closes
 * after the 413.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private final int limit;
    private final ConnectionTimeouts timeouts;
    private final ReceiveMetrics metrics;

    BodyLimitAggregator(int limit, ConnectionTimeouts timeouts, ReceiveMetrics metrics) {
        super(limit);
        this.limit = limit;
        this.timeouts = timeouts;
        this.metrics = metrics;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest request)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        ReceiveRoute route = ReceiveRoute.of(request.uri());
        String message = "request body too large: the limit is " + limit + " bytes (maxBodySize)";
        FullHttpResponse r = route == ReceiveRoute.PUSH
                ? Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ConnectCode.RESOURCE_EXHAUSTED, message)
                : Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ConnectCode.INVALID_ARGUMENT, message);
        metrics.request(request.method().name(), route, 413, 0, limit, r.content().readableBytes());
        boolean close = oversized instanceof FullHttpMessage
                        || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        if (close) {
            Responses.markClose(r);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        } else {
            ChannelFuture f = ctx.writeAndFlush(r);
            f.addListener((ChannelFutureListener) done -> {
                if (!done.isSuccess()) {
                    ctx.close();
                } else if (timeouts != null) {
                    timeouts.responseWritten();
                }
            });
        }
    }
}
