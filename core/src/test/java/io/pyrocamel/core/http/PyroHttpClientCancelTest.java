package io.pyrocamel.core.http;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling a request's future closes its connection: the server sees end of stream or a reset. */
class PyroHttpClientCancelTest {

    @Test
    @Timeout(60)
    void cancellingTheFutureAbortsTheExchange() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(20_000);
            run(server, scheduler);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static void run(ServerSocket server, ScheduledExecutorService scheduler) throws Exception {
        try (PyroHttpClient client = PyroHttpClient.create(HttpClientSettings.defaults(),
                     new PyroHttpClient.Options("cancel-test", null, scheduler, 4, 1, Duration.ofSeconds(5), null))) {
            client.start();
            CompletableFuture<HttpResponseData> f = client.send(new PyroHttpClient.Request("GET",
                    URI.create("http://127.0.0.1:" + server.getLocalPort() + "/slow"), List.of(), null, null, 1024),
                    Duration.ofSeconds(60));
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                byte[] buf = new byte[4096];
                int n = in.read(buf); // the request arrives; the server never answers
                assertThat(n).isPositive();
                assertThat(f.cancel(true)).isTrue();
                assertThat(closedWithin(in, buf)).as("the client closed or reset the connection").isTrue();
            }
        }
    }

    /** True when the peer closes (end of stream) or resets the connection before the socket's read timeout. */
    private static boolean closedWithin(InputStream in, byte[] buf) throws java.io.IOException {
        try {
            while (in.read(buf) >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // connection reset: the client aborted
        }
    }
}
