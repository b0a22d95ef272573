package io.pyrocamel.scrape.discovery;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;
import io.pyrocamel.scrape.discovery.http.DiscoveryHttpConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** discovery-http: Prometheus http_sd polled through the shared HTTP client; errors keep the last list. */
class DiscoveryHttpTest extends CamelTestSupport {

    static HttpServer server;
    static volatile int status = 200;
    static volatile String contentType = "application/json; charset=utf-8";
    static volatile String body = "[{\"targets\": [\"h1:1\"], \"labels\": {\"env\": \"prod\"}}, {\"targets\":"
                                  + " [\"h2:2\"]}]";
    static final List<Headers> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sd", ex -> {
            requests.add(ex.getRequestHeaders());
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sd";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-http:hs?url=" + url() + "&refreshInterval=500ms&basicAuthUsername=u"
                     + "&basicAuthPassword=p&httpHeaders.X-Test=yes")
                        .routeId("hs").to("mock:hs");
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Target> last(MockEndpoint mock) {
        return (List<Target>) mock.getReceivedExchanges().get(mock.getReceivedCounter() - 1).getMessage()
                .getBody(List.class);
    }

    @Test
    void pollsSendsChangesAndKeepsTheLastListOnErrors() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:hs");
        DiscoveryHttpConsumer c = (DiscoveryHttpConsumer) context.getRoute("hs").getConsumer();
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 1);
        assertThat(last(mock)).containsExactly(
                new Target(Labels.of("__address__", "h1:1", "env", "prod", "__meta_url", url())),
                new Target(Labels.of("__address__", "h2:2", "__meta_url", url())));
        Headers h = requests.get(0);
        assertThat(h.getFirst("Accept")).isEqualTo("application/json");
        assertThat(h.getFirst("X-prometheus-refresh-interval-seconds")).isEqualTo("0.5");
        assertThat(h.getFirst("User-Agent")).startsWith("pyrocamel/");
        assertThat(h.getFirst("Authorization")).isEqualTo("Basic dTpw");
        assertThat(h.getFirst("X-Test")).isEqualTo("yes");

        // unchanged answers send nothing
        int polls = requests.size();
        await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() >= polls + 2);
        assertThat(mock.getReceivedCounter()).isEqualTo(1);

        // errors keep the list
        status = 500;
        await().atMost(Duration.ofSeconds(5)).until(() -> c.getLastError().startsWith("server returned HTTP status"
                                                                                      + " 500"));
        status = 200;
        contentType = "text/plain";
        await().atMost(Duration.ofSeconds(5)).until(() -> c.getLastError().equals("unsupported content type"
                                                                                  + " \"text/plain\""));
        contentType = "application/json";
        body = "{\"not\": \"a list\"}";
        await().atMost(Duration.ofSeconds(5)).until(() -> c.getLastError().startsWith("expected a list of target"
                                                                                       + " groups"));
        assertThat(mock.getReceivedCounter()).isEqualTo(1);
        assertThat(c.getFailures()).isGreaterThanOrEqualTo(3);
        assertThat(c.getTargetCount()).isEqualTo(2);

        // a change is sent
        body = "[{\"targets\": [\"h3:3\"]}]";
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 2);
        assertThat(last(mock)).extracting(t -> t.get("__address__")).containsExactly("h3:3");
        assertThat(c.getLastError()).isEmpty();
    }

    @Test
    void invalidOptionsFailStartUp() {
        assertThatThrownBy(() -> context.getEndpoint("discovery-http:x?url=ftp://h/sd").start()).rootCause()
                .hasMessageContaining("discovery-http:x: invalid configuration: url scheme must be 'http' or"
                                      + " 'https'");
        assertThatThrownBy(() -> context.getEndpoint("discovery-http:x").start()).rootCause()
                .hasMessageContaining("url must be configured");
        assertThatThrownBy(() -> context.getEndpoint("discovery-http:x?url=http://h/&bearerToken=a"
                                                     + "&bearerTokenFile=/f").start()).rootCause()
                .hasMessageContaining("at most one of basicAuth*");
        assertThatThrownBy(() -> context.getEndpoint("discovery-http:x?url=http://h/&refreshInterval=-5s"))
                .rootCause().hasMessageContaining("option refreshInterval must be a duration");
    }
}
