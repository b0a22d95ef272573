package io.pyrocamel.receive;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;

import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

/**
 * On demand, not part of the test run (the name does not end in Test):
 * {@code ./mvnw -pl receive-component test -Dtest=ReceiveLoadBenchmark}: requests/s and p99 latency of receive → route (a no-op step) against
 * a bare Netty HTTP server answering 200, same payloads, same client, same run. Prints its numbers; asserts nothing
 * about them.
 */
class ReceiveLoadBenchmark extends ReceiveTestSupport {

    static final int CLIENTS = 16;
    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(15);

    @Override
    protected void routeSteps(RouteDefinition route) {
        route.process(e -> { });
    }

    record Result(String name, long requests, double perSecond, double p50, double p99) {
        @Override
        public String toString() {
            return String.format("%-28s %8d requests %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms", name, requests,
                    perSecond, p50, p99);
        }
    }

    @Test
    void receiverAgainstBareNetty() throws Exception {
        byte[] push = ConnectPushTest.request().toByteArray();
        byte[] pprof = Profiles.cpuPprofGzip();
        EventLoopGroup group = new NioEventLoopGroup(2);
        try {
            Channel sink = bareSink(group);
            int sinkPort = ((InetSocketAddress) sink.localAddress()).getPort();
            List<Result> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                boolean measured = round == 1;
                results.clear();
                results.add(run("bare Netty  push", "http://127.0.0.1:" + sinkPort + "/push.v1.PusherService/Push",
                        "application/proto", push, measured));
                results.add(run("receive     push", base() + "/push.v1.PusherService/Push", "application/proto", push,
                        measured));
                results.add(run("bare Netty  ingest", "http://127.0.0.1:" + sinkPort + "/ingest?name=b&format=pprof",
                        "application/octet-stream", pprof, measured));
                results.add(run("receive     ingest", base() + "/ingest?name=b&format=pprof",
                        "application/octet-stream", pprof, measured));
            }
            System.out.println("BENCHMARK " + CLIENTS + " clients, keep-alive, " + MEASURE.toSeconds()
                               + " s each, push " + push.length + " B, ingest " + pprof.length + " B");
            results.forEach(r -> System.out.println("BENCHMARK " + r));
            sink.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    Result run(String name, String url, String contentType, byte[] body, boolean measured) throws Exception {
        Duration d = measured ? MEASURE : WARMUP;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + d.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(name + ": " + r.statusCode());
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] l = f.get();
            long[] m = Arrays.copyOf(all, all.length + l.length);
            System.arraycopy(l, 0, m, all.length, l.length);
            all = m;
        }
        pool.shutdown();
        Arrays.sort(all);
        double p50 = all[all.length / 2] / 1e6;
        double p99 = all[(int) (all.length * 0.99)] / 1e6;
        return new Result(name, all.length, all.length / (double) d.toSeconds(), p50, p99);
    }

    static Channel bareSink(EventLoopGroup group) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 << 20),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
                                        ctx.writeAndFlush(Responses.of(HttpResponseStatus.OK, "application/proto",
                                                new byte[0]));
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }
}
