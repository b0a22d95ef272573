package io.pyrocamel.app;

import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pyrocamel.management.jolokia.allowExec=true}: Jolokia exec requests go through (here: stopping a route), and
 * readiness then reports the stopped route as DOWN with 503.
 */
class JolokiaExecAllowedTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("pyrocamel.management.jolokia.allowExec", "true"), "timer.yaml");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void execStopsTheRouteAndReadinessGoesDown() throws Exception {
        assertThat(app.get("health/ready").statusCode()).isEqualTo(200);

        HttpResponse<String> r = app.jolokia("{\"type\":\"exec\",\"mbean\":"
                                             + "\"org.apache.camel:context=pyrocamel,type=routes,name=\\\"tick\\\"\","
                                             + "\"operation\":\"stop()\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":200");
        assertThat(app.app.getCamelContext().getRouteController().getRouteStatus("tick")).isEqualTo(ServiceStatus.Stopped);

        HttpResponse<String> ready = app.get("health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("route:tick");
    }

    @Test
    void writeIsStillRefused() throws Exception {
        HttpResponse<String> r = app.jolokia("{\"type\":\"write\",\"mbean\":"
                                             + "\"org.apache.camel:context=pyrocamel,type=routes,name=\\\"tick\\\"\","
                                             + "\"attribute\":\"LogMask\",\"value\":true}");
        assertThat(r.body()).contains("\"status\":403");
    }
}
