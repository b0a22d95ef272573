package io.pyrocamel.receive;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers, before camel-netty-http sees them, the requests that never reach the route: malformed HTTP (400), unknown
 * paths (404 {@code 404 page not found}, as Go's mux), and methods other than POST on a served path (405 with
 * {@code Allow: POST}). Only well-formed {@code POST /ingest} and {@code POST /push.v1.PusherService/Push} pass on.
 */
@Sharable
final class RequestGuard extends ChannelInboundHandlerAdapter {

    private final ReceiveMetrics metrics;

    RequestGuard(ReceiveMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReceiveRoute route = ReceiveRoute.of(request.uri());
        FullHttpResponse response = null;
        boolean close = false;
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            response = Responses.text(HttpResponseStatus.BAD_REQUEST, "400 Bad Request: malformed HTTP request: "
                                                                      + (cause == null ? "" : cause.getMessage()) + "\n");
            close = true;
        } else if (route == ReceiveRoute.NOT_FOUND || route == ReceiveRoute.PUSH_OTHER) {
            response = Responses.text(HttpResponseStatus.NOT_FOUND, "404 page not found\n");
            response.headers().set("X-Content-Type-Options", "nosniff");
        } else if (!HttpMethod.POST.equals(request.method())) {
            response = route == ReceiveRoute.PUSH
                    ? Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, ConnectCode.UNIMPLEMENTED,
                            "method " + request.method().name() + " not allowed: the Push procedure takes POST")
                    : Responses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                            "405 method not allowed: " + request.uri() + " takes POST\n");
            response.headers().set(HttpHeaderNames.ALLOW, "POST");
        }
        if (response == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            metrics.request(request.method().name(), route, response.status().code(), 0,
                    request.content().readableBytes(), response.content().readableBytes());
            close |= !HttpUtil.isKeepAlive(request);
            if (close) {
                Responses.markClose(response);
            }
            ChannelFuture f = ctx.writeAndFlush(response);
            if (close) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
