package io.pyrocamel.scrape;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.PushProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a JDK HTTP server with exact bytes: the body is forwarded untouched; a failing route goes to the
 * consumer's ExceptionHandler and marks the job down ("push failed"); a body over maxProfileSize fails; a scrape due
 * while maxConcurrentScrapes requests are in flight is skipped; secrets are masked in the endpoint URI.
 */
class PyroscopeScrapeRouteTest extends CamelTestSupport {

    /** A minimal pprof (string_table [""], one sample type) that is not gzipped. */
    static final byte[] PLAIN = new TestPprof("samples/count").location(1, 0x10, "main.f")
            .sample(new long[] {1}, new String[0], 3).bytes();

    static HttpServer server;
    static final AtomicInteger hits = new AtomicInteger();
    static final List<String> userAgents = new CopyOnWriteArrayList<>();

    static final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/plain", ex -> {
            hits.incrementAndGet();
            userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            reply(ex, PLAIN);
        });
        server.createContext("/big", ex -> reply(ex, new byte[4096]));
        server.createContext("/hang", ex -> {
            try {
                Thread.sleep(2500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, PLAIN);
        });
        server.start();
    }

    static void reply(com.sun.net.httpserver.HttpExchange ex, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static final String GOROUTINE_ONLY = "&profileProcessCpuEnabled=false&profileMemoryEnabled=false"
            + "&profileMutexEnabled=false&profileBlockEnabled=false&scrapeInterval=1s";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("pyroscope-scrape:raw?profileGoroutinePath=/plain" + GOROUTINE_ONLY
                     + "&targets=RAW([{__address__: \"" + address() + "\"}])&bearerToken=s3cret"
                     + "&httpHeaders.X-Api-Key=topsecret")
                        .routeId("raw").to("mock:raw");
                from("pyroscope-scrape:failing?profileGoroutinePath=/plain" + GOROUTINE_ONLY
                     + "&exceptionHandler=#handler&targets=RAW([{__address__: \"" + address() + "\"}])")
                        .routeId("failing").autoStartup(false)
                        .process(e -> {
                            throw new IllegalStateException("store is full");
                        });
                from("pyroscope-scrape:big?profileGoroutinePath=/big&maxProfileSize=1000" + GOROUTINE_ONLY
                     + "&targets=RAW([{__address__: \"" + address() + "\"}])")
                        .routeId("big").autoStartup(false).to("mock:big");
                from("pyroscope-scrape:bounded?profileGoroutinePath=/hang&maxConcurrentScrapes=1" + GOROUTINE_ONLY
                     + "&targets=RAW([{__address__: \"" + address() + "\", a: \"1\"}, {__address__: \"" + address()
                     + "\", a: \"2\"}])")
                        .routeId("bounded").autoStartup(false).to("mock:bounded");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("handler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        });
    }

    private PyroscopeScrapeConsumer consumer(String routeId) {
        return (PyroscopeScrapeConsumer) context.getRoute(routeId).getConsumer();
    }

    @Test
    void bytesAreForwardedUntouchedAndSecretsMasked() {
        await().atMost(Duration.ofSeconds(5)).until(() -> getMockEndpoint("mock:raw").getReceivedCounter() >= 1);
        PushProfile p = getMockEndpoint("mock:raw").getReceivedExchanges().get(0).getMessage()
                .getBody(PushProfile.class);
        assertThat(p.samples().get(0).rawProfile().toByteArray()).isEqualTo(PLAIN);
        assertThat(p.labels().get("__name__")).isEqualTo("goroutine");
        assertThat(userAgents.get(0)).matches("pyrocamel/[^ ]+ \\(linux; binary\\)");
        String uri = context.getRoute("raw").getEndpoint().getEndpointUri();
        assertThat(uri).doesNotContain("s3cret").doesNotContain("topsecret")
                .contains("httpHeaders.X-Api-Key=xxxxxx-");
    }

    @Test
    void aFailingRouteGoesToTheExceptionHandlerAndMarksTheJobDown() throws Exception {
        context.getRouteController().startRoute("failing");
        PyroscopeScrapeConsumer c = consumer("failing");
        await().atMost(Duration.ofSeconds(5)).until(() -> !handled.isEmpty() && !c.targetStatuses().isEmpty()
                && "down".equals(c.targetStatuses().get(0).health()));
        assertThat(handled.get(0)).hasMessage("store is full");
        assertThat(c.targetStatuses().get(0).lastError()).isEqualTo("push failed: store is full");
        assertThat(c.metrics().failures.get(ScrapeMetrics.Reason.ROUTE).sum()).isPositive();
    }

    @Test
    void aBodyOverMaxProfileSizeFails() throws Exception {
        context.getRouteController().startRoute("big");
        PyroscopeScrapeConsumer c = consumer("big");
        await().atMost(Duration.ofSeconds(5)).until(() -> !c.targetStatuses().isEmpty()
                && "down".equals(c.targetStatuses().get(0).health()));
        assertThat(c.targetStatuses().get(0).lastError()).isEqualTo("profile larger than maxProfileSize (1000"
                                                                    + " bytes)");
        assertThat(getMockEndpoint("mock:big").getReceivedCounter()).isZero();
    }

    @Test
    void scrapesBeyondMaxConcurrentScrapesAreSkipped() throws Exception {
        context.getRouteController().startRoute("bounded");
        PyroscopeScrapeConsumer c = consumer("bounded");
        // two jobs, each request takes 2.5s, interval 1s, one request at a time: most ticks are skipped
        await().atMost(Duration.ofSeconds(10)).until(() -> c.getSkippedTotal() >= 2
                && getMockEndpoint("mock:bounded").getReceivedCounter() >= 1);
        assertThat(c.getJobsDown()).isZero();
    }
}
