package io.pyrocamel.receive;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.apache.camel.BindToRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code connLimit=2}: the third connection is not refused but waits until one of the first two closes; the gauges
 * show it under Alloy's names.
 */
class ConnLimitAndMetricsTest extends ReceiveTestSupport {

    @BindToRegistry("prometheus")
    final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    protected String receiverOptions() {
        return "&connLimit=2";
    }

    static byte[] ingest() {
        return RawHttp.request("POST", "/ingest?name=conn&format=pprof", Map.of(), Profiles.cpuPprofGzip());
    }

    static Socket connect(int port) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    }

    static int exchange(Socket s) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(ingest());
        out.flush();
        return RawHttp.read(s.getInputStream()).status();
    }

    @Test
    void extraConnectionWaitsForAFreeSlot() throws Exception {
        try (Socket a = connect(port()); Socket b = connect(port())) {
            assertThat(exchange(a)).isEqualTo(200);
            assertThat(exchange(b)).isEqualTo(200);
            assertThat(receiver().getOpenConnections()).isEqualTo(2);
            String scrape = prometheus.scrape();
            assertThat(scrape).contains("pyroscope_receive_http_tcp_connections{component_id=\"pyroscope.receive_http"
                                        + ".test\",protocol=\"http\"} 2.0");
            assertThat(scrape).contains("pyroscope_receive_http_tcp_connections_limit{component_id=\"pyroscope"
                                        + ".receive_http.test\",protocol=\"http\"} 2.0");

            try (Socket c = connect(port())) { // the kernel completes the handshake: not refused
                c.setSoTimeout(1000);
                c.getOutputStream().write(ingest());
                c.getOutputStream().flush();
                InputStream in = c.getInputStream();
                assertThatThrownBy(in::read).as("the third connection waits").isInstanceOf(SocketTimeoutException.class);
                assertThat(receiver().getOpenConnections()).isEqualTo(2);

                a.close(); // a slot frees: the waiting connection is accepted and served
                c.setSoTimeout(10_000);
                assertThat(RawHttp.read(in).status()).isEqualTo(200);
                await().until(() -> receiver().getOpenConnections() == 2);
            }
        }
        await().until(() -> receiver().getOpenConnections() == 0);
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("pyroscope_receive_http_request_duration_seconds_bucket{component_id=\"pyroscope"
                                    + ".receive_http.test\",method=\"POST\",route=\"ingest\",status_code=\"200\"");
        assertThat(scrape).contains("pyroscope_receive_http_request_message_bytes_count");
        assertThat(scrape).contains("pyroscope_receive_http_response_message_bytes_count");
        assertThat(scrape).contains("pyroscope_receive_http_inflight_requests{component_id=\"pyroscope"
                                    + ".receive_http.test\",method=\"POST\",route=\"ingest\"} 0.0");
    }
}
