package io.pyrocamel.receive;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Processor;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP answer waits for the route: its failure, its drop, a downstream status, and the deadlines. */
class RouteOutcomeTest extends ReceiveTestSupport {

    static final String PUSH = "/push.v1.PusherService/Push";
    final AtomicReference<Processor> behaviour = new AtomicReference<>(e -> { });

    /** What pyroscope-write throws when the server answers non-200 (duck-typed: int statusCode()). */
    static final class DownstreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        DownstreamFailure(int status) {
            super("server answered " + status);
            this.status = status;
        }

        public int statusCode() {
            return status;
        }
    }

    @Override
    protected String receiverOptions() {
        return "&serverWriteTimeout=1500";
    }

    @Override
    protected void routeSteps(RouteDefinition route) {
        route.process(e -> behaviour.get().process(e)).to("mock:out");
    }

    byte[] push() {
        return ConnectPushTest.request().toByteArray();
    }

    @Test
    void routeFailureIsRetryable() throws Exception {
        behaviour.set(e -> {
            throw new IllegalStateException("disk full");
        });
        HttpResponse<String> ingest = post("/ingest?name=a&format=pprof", null, Profiles.cpuPprofGzip());
        assertThat(ingest.statusCode()).isEqualTo(503);
        assertThat(ingest.body()).contains("\"code\":\"unavailable\"").contains("disk full").doesNotContain("\tat ");
        HttpResponse<String> push = post(PUSH, "application/proto", push());
        assertThat(push.statusCode()).isEqualTo(503);
        assertThat(push.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(push.body()).startsWith("{\"code\":\"unavailable\"").contains("disk full");
    }

    @Test
    void oneFailedSeriesFailsThePushButAllAreSent() throws Exception {
        out().expectedMessageCount(1);
        behaviour.set(e -> {
            if ("process_cpu".equals(e.getIn().getHeader("CamelPyroscopeProfileType"))) {
                throw new IllegalStateException("no");
            }
        });
        assertThat(post(PUSH, "application/proto", push()).statusCode()).isEqualTo(503);
        out().assertIsSatisfied();
    }

    @Test
    void droppedProfileIsSuccess() throws Exception {
        out().expectedMessageCount(0);
        behaviour.set(e -> e.setRouteStop(true));
        assertThat(post("/ingest?name=a&format=pprof", null, Profiles.cpuPprofGzip()).statusCode()).isEqualTo(200);
        assertThat(post(PUSH, "application/json", "{}".getBytes()).statusCode()).isEqualTo(200);
        assertThat(post(PUSH, "application/proto", push()).statusCode()).isEqualTo(200);
        out().assertIsSatisfied();
    }

    @Test
    void downstreamIngestStatusIsMirrored() throws Exception {
        behaviour.set(e -> {
            throw new org.apache.camel.CamelExchangeException("wrapped", e, new DownstreamFailure(429));
        });
        HttpResponse<String> r = post("/ingest?name=a&format=pprof", null, Profiles.cpuPprofGzip());
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).isEqualTo("Too Many Requests\n");
        assertThat(post(PUSH, "application/proto", push()).statusCode()).isEqualTo(503);
    }

    @Test
    void connectTimeoutIsTheRouteDeadline() throws Exception {
        behaviour.set(e -> Thread.sleep(1000));
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(PUSH, "application/proto", push(), "Connect-Timeout-Ms", "200");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("deadline_exceeded");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(900);
    }

    @Test
    void writeTimeoutAnswersRetryable() throws Exception {
        behaviour.set(e -> Thread.sleep(2500));
        HttpResponse<String> r = post("/ingest?name=a&format=pprof", null, Profiles.cpuPprofGzip());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("serverWriteTimeout");
    }

    @Test
    void slowRouteWithinDeadlinesIsOk(/* the answer really waits for the route */) throws Exception {
        behaviour.set(e -> Thread.sleep(300));
        out().expectedMessageCount(1);
        long t0 = System.nanoTime();
        assertThat(post("/ingest?name=a&format=pprof", null, Profiles.cpuPprofGzip()).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        out().assertIsSatisfied();
    }

}
