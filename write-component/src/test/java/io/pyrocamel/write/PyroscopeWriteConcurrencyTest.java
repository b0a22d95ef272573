package io.pyrocamel.write;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bounded concurrency: extra exchanges wait without a thread, and beyond the queue fail at once. */
class PyroscopeWriteConcurrencyTest {

    @Test
    void waitsAtTheBoundAndRejectsBeyondTheQueue() throws Exception {
        try (PyroscopeDouble pyroscope = PyroscopeDouble.start();
             WriteHarness w = WriteHarness.start(pyroscope.url(), "maxConcurrentRequests=1&maxQueuedRequests=1")) {
            pyroscope.enqueue(Reply.stall(Duration.ofMillis(800)));
            CompletableFuture<Exchange> first = w.template.asyncSend("direct:in",
                    e -> e.getMessage().setBody(WriteHarness.cpu("c", new byte[] {1})));
            await().atMost(Duration.ofSeconds(5)).until(() -> pyroscope.requests().size() == 1);
            CompletableFuture<Exchange> second = w.template.asyncSend("direct:in",
                    e -> e.getMessage().setBody(WriteHarness.cpu("c", new byte[] {2})));
            PyroscopeWriteEndpoint endpoint = w.context.getEndpoints().stream()
                    .filter(PyroscopeWriteEndpoint.class::isInstance).map(PyroscopeWriteEndpoint.class::cast)
                    .findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.getQueuedRequests() == 1);
            assertThat(endpoint.getRunningRequests()).isEqualTo(1);
            assertThat(pyroscope.requests()).as("the second waits for the slot").hasSize(1);

            Exchange third = w.send(WriteHarness.cpu("c", new byte[] {3}));
            assertThat(third.getException()).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("maxConcurrentRequests").hasMessageContaining("maxQueuedRequests");
            assertThat(w.droppedProfiles()).isEqualTo(1);

            assertThat(first.get(10, TimeUnit.SECONDS).getException()).isNull();
            assertThat(second.get(10, TimeUnit.SECONDS).getException()).isNull();
            assertThat(pyroscope.accepted()).hasSize(1); // the delayed one counts as STALL, not NORMAL
            assertThat(pyroscope.requests()).hasSize(2);
            assertThat(w.sentProfiles()).isEqualTo(2);
        }
    }

    @Test
    void parallelMulticastToSeveralEndpointsFailsWhenOneFails() throws Exception {
        try (PyroscopeDouble a = PyroscopeDouble.start(); PyroscopeDouble b = PyroscopeDouble.start();
             org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:fan").multicast().parallelProcessing()
                            .to("pyroscope-write:a?url=" + a.url(), "pyroscope-write:b?url=" + b.url());
                }
            });
            context.start();
            b.enqueue(Reply.connectError(400, "invalid_argument", "refused by b"));
            Exchange ex = context.createProducerTemplate().send("direct:fan",
                    e -> e.getMessage().setBody(WriteHarness.cpu("m", new byte[] {1})));
            assertThat(a.accepted()).hasSize(1);
            assertThat(b.requests()).hasSize(1);
            assertThat(ex.getException()).as("the failed endpoint fails the exchange, as Alloy's joined errors")
                    .hasMessageContaining("refused by b");
            Exchange ok = context.createProducerTemplate().send("direct:fan",
                    e -> e.getMessage().setBody(WriteHarness.cpu("m", new byte[] {1})));
            assertThat(ok.getException()).isNull();
            assertThat(a.accepted()).hasSize(2);
            assertThat(b.accepted()).hasSize(1);
        }
    }
}
