package io.pyrocamel.write;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Labels;
import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry loop (SPEC.md §4.4, §12.1) against the double, with the metrics (§4.5). */
class PyroscopeWriteRetryTest {

    static PyroscopeDouble pyroscope;

    @BeforeAll
    static void startDouble() {
        pyroscope = PyroscopeDouble.start();
    }

    @AfterAll
    static void stopDouble() {
        pyroscope.close();
    }

    @BeforeEach
    void reset() {
        pyroscope.reset();
    }

    private static final byte[] PPROF = {1, 2, 3, 4, 5};

    @Test
    void twoUnavailableAnswersThenSuccessDeliversOnce() throws Exception {
        pyroscope.enqueue(Reply.status(503), Reply.connectError(503, "unavailable", "ingester ring not ready"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF));
            assertThat(ex.getException()).isNull();
            assertThat(pyroscope.requests()).hasSize(3);
            assertThat(pyroscope.accepted()).hasSize(1);
            assertThat(w.retries()).isEqualTo(2);
            assertThat(w.sentProfiles()).isEqualTo(1);
            assertThat(w.sentBytes()).isEqualTo(PPROF.length);
            assertThat(w.droppedProfiles()).isZero();
            assertThat(w.latencyCount(pyroscope.url(), "push_downstream")).isEqualTo(3);
            assertThat(w.latencyCount(pyroscope.url(), "push_endpoint")).isEqualTo(1);
        }
    }

    @Test
    void invalidArgumentIsNotRetriedAndFailsWithTheServersMessage() throws Exception {
        pyroscope.enqueue(Reply.connectError(400, "invalid_argument", "labels: duplicate label name"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF));
            assertThat(ex.getException()).isInstanceOf(PyroscopeWriteException.class)
                    .hasMessage("failed to push to endpoint " + pyroscope.url()
                                + " (0 retries): invalid_argument: labels: duplicate label name");
            PyroscopeWriteException e = (PyroscopeWriteException) ex.getException();
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getConnectCode()).isEqualTo("invalid_argument");
            assertThat(pyroscope.requests()).hasSize(1);
            assertThat(w.retries()).isZero();
            assertThat(w.droppedProfiles()).isEqualTo(1);
            assertThat(w.droppedBytes()).isEqualTo(PPROF.length);
            assertThat(w.sentProfiles()).isZero();
        }
    }

    @Test
    void plainBadRequestIsNotRetried() throws Exception {
        // upstream would map a plain 400 to "internal" and retry it; SPEC.md §12.1: a 4xx is never retried
        pyroscope.enqueue(Reply.status(400, "bad request from a proxy"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF));
            assertThat(ex.getException()).hasMessageContaining("(0 retries): internal: HTTP status 400");
            assertThat(pyroscope.requests()).hasSize(1);
        }
    }

    @Test
    void tooManyRequestsIsRetriedUnlessRetryOnHttp429IsOff() throws Exception {
        pyroscope.enqueue(Reply.connectError(429, "resource_exhausted", "rate limited"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            assertThat(w.send(WriteHarness.cpu("cart", PPROF)).getException()).isNull();
            assertThat(pyroscope.requests()).hasSize(2);
            assertThat(w.retries()).isEqualTo(1);
        }
        pyroscope.reset();
        pyroscope.enqueue(Reply.connectError(429, "resource_exhausted", "rate limited"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "retryOnHttp429=false")) {
            assertThat(w.send(WriteHarness.cpu("cart", PPROF)).getException())
                    .hasMessageContaining("(0 retries): resource_exhausted: rate limited");
            assertThat(pyroscope.requests()).hasSize(1);
        }
    }

    @Test
    void maxBackoffRetriesCountsRetries() throws Exception {
        pyroscope.enqueue(Reply.status(503), Reply.status(502), Reply.status(504), Reply.status(500));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "maxBackoffRetries=2")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF));
            assertThat(ex.getException()).hasMessage("failed to push to endpoint " + pyroscope.url()
                                                     + " (2 retries): unavailable: HTTP status 504 Gateway Timeout");
            assertThat(pyroscope.requests()).as("1 attempt + 2 retries").hasSize(3);
            assertThat(w.retries()).isEqualTo(2);
            assertThat(w.droppedProfiles()).isEqualTo(1);
            assertThat(((PyroscopeWriteException) ex.getException()).isRetryable()).isTrue();
        }
    }

    @Test
    void remoteTimeoutCutsAStalledServerAndTheNextAttemptSucceeds() throws Exception {
        pyroscope.enqueue(Reply.stall());
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "remoteTimeout=300ms")) {
            long t0 = System.nanoTime();
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF));
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertThat(ex.getException()).isNull();
            assertThat(ms).isBetween(280L, 5_000L);
            assertThat(pyroscope.requests()).hasSize(2);
            assertThat(pyroscope.requests().get(0).header("Connect-Timeout-Ms")).isEqualTo("300");
            assertThat(w.retries()).isEqualTo(1);
        }
    }

    @Test
    void stalledServerWithNoRetriesLeftFailsWithDeadlineExceeded() throws Exception {
        pyroscope.enqueue(Reply.stall(), Reply.stall());
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "remoteTimeout=200ms&maxBackoffRetries=1")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF));
            assertThat(ex.getException()).hasMessageContaining("(1 retries): deadline_exceeded: no answer within"
                                                               + " 200 ms");
            assertThat(((PyroscopeWriteException) ex.getException()).getConnectCode()).isEqualTo("deadline_exceeded");
            assertThat(w.droppedProfiles()).isEqualTo(1);
        }
    }

    @Test
    void closedConnectionIsRetried() throws Exception {
        pyroscope.enqueue(Reply.close());
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            assertThat(w.send(WriteHarness.cpu("cart", PPROF)).getException()).isNull();
            assertThat(pyroscope.requests()).hasSize(2);
            assertThat(w.retries()).isEqualTo(1);
        }
    }

    @Test
    void refusedConnectionIsRetriedThenDropped() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        try (WriteHarness w = WriteHarness.start(url, "maxBackoffRetries=3")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF));
            assertThat(ex.getException()).hasMessageStartingWith("failed to push to endpoint " + url
                                                                 + " (3 retries): unavailable: ");
            assertThat(w.retries()).isEqualTo(3);
            assertThat(w.droppedProfiles()).isEqualTo(1);
        }
    }

    @Test
    void ingestRetriesServerErrorsButNotClientErrors() throws Exception {
        IngestProfile p = IngestProfile.of(Labels.of("__name__", "app.cpu"), new byte[] {1, 2}, "", "name", "app.cpu",
                "format", "folded");
        pyroscope.enqueue(Reply.status(500), Reply.status(429));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            assertThat(w.send(p).getException()).isNull();
            assertThat(pyroscope.requests()).hasSize(3);
            assertThat(w.retries()).isEqualTo(2);
        }
        pyroscope.reset();
        pyroscope.enqueue(Reply.status(408, "slow body"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            Exchange ex = w.send(p);
            // SPEC.md §12.1: no 4xx but 429 is retried (upstream retries 408 on this path)
            assertThat(ex.getException()).hasMessage("failed to ingest to endpoint " + pyroscope.url()
                    + " (0 retries): remote error: pyroscope write error: status=408 msg=slow body");
            assertThat(pyroscope.requests()).hasSize(1);
            assertThat(w.droppedProfiles()).isEqualTo(1);
            assertThat(w.droppedBytes()).isEqualTo(2);
        }
    }

    @Test
    void exchangeDeadlineStopsRetries() throws Exception {
        pyroscope.enqueue(Reply.status(503), Reply.status(503), Reply.status(503), Reply.status(503));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "maxBackoffRetries=0&minBackoffPeriod=300ms"
                                                                  + "&maxBackoffPeriod=300ms")) {
            Exchange ex = w.send(WriteHarness.cpu("cart", PPROF), java.util.Map.of(
                    PyroscopeWriteConstants.DEADLINE, java.time.Instant.now().plusMillis(500)));
            assertThat(ex.getException()).hasMessageContaining("(1 retries)");
            assertThat(pyroscope.requests()).hasSize(2);
        }
    }

    @Test
    void redirectsAreFollowedUnlessFollowRedirectsIsOff() throws Exception {
        pyroscope.enqueue(Reply.redirect(307, pyroscope.url() + "/moved/push.v1.PusherService/Push"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "")) {
            assertThat(w.send(WriteHarness.cpu("r", PPROF)).getException()).isNull();
            assertThat(pyroscope.requests()).extracting(r -> r.path())
                    .containsExactly("/push.v1.PusherService/Push", "/moved/push.v1.PusherService/Push");
            assertThat(pyroscope.accepted().get(0).push().getSeries(0).getSamples(0).getRawProfile().toByteArray())
                    .as("307 re-sends the body").isEqualTo(PPROF);
            assertThat(w.retries()).isZero();
        }
        pyroscope.reset();
        pyroscope.enqueue(Reply.redirect(307, pyroscope.url() + "/moved/push.v1.PusherService/Push"),
                Reply.redirect(307, pyroscope.url() + "/moved/push.v1.PusherService/Push"));
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "followRedirects=false&maxBackoffRetries=1")) {
            Exchange ex = w.send(WriteHarness.cpu("r", PPROF));
            // connect-go reads a 307 as "unknown", which Alloy retries
            assertThat(ex.getException()).hasMessageContaining("(1 retries): unknown: HTTP status 307");
            assertThat(pyroscope.requests()).extracting(r -> r.path()).containsOnly("/push.v1.PusherService/Push");
        }
    }
}
