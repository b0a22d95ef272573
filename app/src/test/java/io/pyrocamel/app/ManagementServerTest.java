package io.pyrocamel.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The management server with default settings (loopback, no login, Jolokia read-only): metrics, health, the Hawtio
 * console and its Jolokia endpoint.
 */
class ManagementServerTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of(), "timer.yaml");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void metricsHasJvmAndCamelRouteMetrics() throws Exception {
        // wait until the route has run, so the route policy has counted exchanges
        Pattern routeCount = Pattern.compile(
                "camel_exchanges_total\\{[^}]*routeId=\"tick\"[^}]*} [1-9]");
        await().atMost(10, TimeUnit.SECONDS).until(() -> routeCount.matcher(app.get("metrics").body()).find());
        HttpResponse<String> r = app.get("metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(r.body())
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads")
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"tick\"[^}]*} [1-9]");
    }

    @Test
    void metricsServesTheRegistryBoundInTheCamelRegistry() throws Exception {
        // what a pyrocamel component does: look the registry up by name in the Camel registry and register a meter
        MeterRegistry registry = app.app.getCamelContext().getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        assertThat(registry).isSameAs(app.app.getMeterRegistry());
        registry.counter("pyroscope_write_sent_bytes", "endpoint", "test").increment(42);

        assertThat(app.get("metrics").body()).contains("pyroscope_write_sent_bytes_total{endpoint=\"test\"} 42.0");
    }

    @Test
    void metricsInOpenMetricsFormatWhenAsked() throws Exception {
        HttpResponse<String> r = app.send(HttpRequest.newBuilder(app.base.resolve("metrics"))
                .header("Accept", "application/openmetrics-text; version=1.0.0").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
        assertThat(r.body()).endsWith("# EOF\n");
    }

    @Test
    void healthIsUp() throws Exception {
        for (String path : new String[] { "health", "health/live", "health/ready" }) {
            HttpResponse<String> r = app.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(r.body()).as(path).startsWith("{").contains("\"status\":\"UP\"");
        }
        // full exposure lists every check, among them the route's
        assertThat(app.get("health?exposureLevel=full").body()).contains("\"name\":\"route:tick\"");
    }

    @Test
    void hawtioConsoleIsServed() throws Exception {
        HttpResponse<String> r = app.get("hawtio/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).containsIgnoringCase("<html").contains("Hawtio");
        // the plugin list the console loads at start-up
        assertThat(app.get("hawtio/plugin").statusCode()).isEqualTo(200);
    }

    @Test
    void jolokiaReadsRouteState() throws Exception {
        HttpResponse<String> r = app.get("hawtio/jolokia/read/org.apache.camel:context=*,type=routes,name=%22tick%22/State");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":200").contains("\"State\":\"Started\"");
    }

    @Test
    void jolokiaListAndSearchAndVersionAreAllowed() throws Exception {
        assertThat(app.jolokia("{\"type\":\"version\"}").body()).contains("\"status\":200");
        assertThat(app.jolokia("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}").body())
                .contains("\"status\":200").contains("name=\\\"tick\\\"");
        assertThat(app.jolokia("{\"type\":\"list\",\"path\":\"org.apache.camel\"}").body()).contains("\"status\":200");
    }

    @Test
    void jolokiaExecIsRefusedByDefault() throws Exception {
        HttpResponse<String> r = app.jolokia("{\"type\":\"exec\",\"mbean\":"
                                             + "\"org.apache.camel:context=pyrocamel,type=routes,name=\\\"tick\\\"\","
                                             + "\"operation\":\"stop()\"}");
        assertThat(r.body()).contains("\"status\":403").contains("forbidden");
        assertThat(app.app.getCamelContext().getRouteController().getRouteStatus("tick")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void jolokiaWriteIsRefusedByDefault() throws Exception {
        HttpResponse<String> r = app.jolokia("{\"type\":\"write\",\"mbean\":"
                                             + "\"org.apache.camel:context=pyrocamel,type=routes,name=\\\"tick\\\"\","
                                             + "\"attribute\":\"LogMask\",\"value\":true}");
        assertThat(r.body()).contains("\"status\":403").contains("forbidden");
    }

    @Test
    void jolokiaReadOnlyOperationsHawtioNeedsAreAllowed() throws Exception {
        HttpResponse<String> dump = app.jolokia("{\"type\":\"exec\",\"mbean\":"
                                                + "\"org.apache.camel:context=pyrocamel,type=context,name=\\\"pyrocamel\\\"\","
                                                + "\"operation\":\"dumpRoutesAsXml()\"}");
        assertThat(dump.body()).contains("\"status\":200").contains("route id=\\\"tick\\\"");
        HttpResponse<String> rbac = app.jolokia("{\"type\":\"exec\",\"mbean\":\"hawtio:type=security,name=RBACRegistry\","
                                                + "\"operation\":\"list()\"}");
        assertThat(rbac.body()).contains("\"status\":200");
        // but not a JVM operation that changes something
        HttpResponse<String> gc = app.jolokia("{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc()\"}");
        assertThat(gc.body()).contains("\"status\":403");
    }

    @Test
    void crossOriginRequestsAreRefused() throws Exception {
        HttpResponse<String> evil = app.jolokia("{\"type\":\"version\"}", "Origin", "http://attacker.example");
        assertThat(evil.statusCode()).isEqualTo(403);
        HttpResponse<String> same = app.jolokia("{\"type\":\"version\"}", "Origin", "http://127.0.0.1:" + app.base.getPort());
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).contains("\"status\":200");
        // behind a reverse proxy that rewrites Host: the proxy's origin is accepted when it is the forwarded host
        HttpResponse<String> proxied = app.jolokia("{\"type\":\"version\"}", "Origin", "https://console.example.org",
                "X-Forwarded-Host", "console.example.org");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).contains("\"status\":200");
    }

    @Test
    void foreignHostNamesAreRefusedOnLoopback() throws Exception {
        // DNS rebinding: a foreign name that resolves to 127.0.0.1 (java.net.http cannot set Host, so a raw request)
        try (Socket s = new Socket("127.0.0.1", app.base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /hawtio/jolokia/version HTTP/1.1\r\nHost: attacker.example:" + app.base.getPort()
                       + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 421 Misdirected Request");
        }
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertThat(app.get("nothing-here").statusCode()).isEqualTo(404);
    }
}
