package io.pyrocamel.receive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A context with one receiver on a free port whose route ends in {@code mock:out}; subclasses may change the
 * receiver's options ({@link #receiverOptions()}) or the route ({@link #routeSteps}).
 */
abstract class ReceiveTestSupport extends CamelTestSupport {

    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Query options of the receiver URI, after {@code listenPort=0}. */
    protected String receiverOptions() {
        return "";
    }

    protected void routeSteps(org.apache.camel.model.RouteDefinition route) {
        route.to("mock:out");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                routeSteps(from("pyroscope-receive-http:test?listenPort=0" + receiverOptions()).routeId("receiver"));
            }
        };
    }

    protected PyroscopeReceiveHttpConsumer receiver() {
        return (PyroscopeReceiveHttpConsumer) context.getRoute("receiver").getConsumer();
    }

    protected int port() {
        return receiver().getListenPort();
    }

    protected String base() {
        return "http://127.0.0.1:" + port();
    }

    protected MockEndpoint out() {
        return getMockEndpoint("mock:out");
    }

    protected List<Exchange> received() {
        return out().getReceivedExchanges();
    }

    protected HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
