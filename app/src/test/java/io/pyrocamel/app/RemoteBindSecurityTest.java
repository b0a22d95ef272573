package io.pyrocamel.app;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secure by default: bound to a non-loopback address the console requires a login; without credentials start-up
 * fails. (The server binds 0.0.0.0 here; the test only connects through 127.0.0.1.)
 */
class RemoteBindSecurityTest {

    @Test
    void nonLoopbackWithoutCredentialsFailsStartup() {
        assertThatThrownBy(() -> TestApp.start(Map.of("pyrocamel.management.host", "0.0.0.0"), "timer.yaml"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("pyrocamel.management.host=0.0.0.0 is not a loopback address")
                .hasMessageContaining("pyrocamel.management.username")
                .hasMessageContaining("pyrocamel.management.password")
                .satisfies(e -> assertThat(((StartupException) e).getExitCode()).isEqualTo(1));
    }

    @Test
    void nonLoopbackWithCredentialsRequiresLogin() throws Exception {
        try (TestApp app = TestApp.start(Map.of(
                "pyrocamel.management.host", "0.0.0.0",
                "pyrocamel.management.username", "admin",
                "pyrocamel.management.password", "s3cret-Pa55"), "timer.yaml")) {
            String read = "hawtio/jolokia/read/org.apache.camel:context=*,type=routes,name=%22tick%22/State";

            HttpResponse<String> anonymous = app.get(read);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"pyrocamel\"");
            assertThat(anonymous.body()).doesNotContain("Started");

            HttpResponse<String> wrong = app.get(read, "admin", "wrong");
            assertThat(wrong.statusCode()).isIn(401, 403);
            assertThat(wrong.body()).doesNotContain("Started");

            HttpResponse<String> ok = app.get(read, "admin", "s3cret-Pa55");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"State\":\"Started\"");

            // the console's own login (what the Hawtio login page posts), then the session cookie is enough
            HttpResponse<String> login = app.send(HttpRequest.newBuilder(app.base.resolve("hawtio/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"s3cret-Pa55\"}")));
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            HttpResponse<String> withSession = app.send(HttpRequest.newBuilder(app.base.resolve(read))
                    .header("Cookie", cookie).GET());
            assertThat(withSession.statusCode()).isEqualTo(200);
            assertThat(withSession.body()).contains("\"State\":\"Started\"");

            // the console page itself sends an anonymous browser to its login page
            HttpResponse<String> page = app.get("hawtio/");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/hawtio/login");

            // metrics and health stay open for scrapers and probes
            assertThat(app.get("metrics").statusCode()).isEqualTo(200);
            assertThat(app.get("health/ready").statusCode()).isEqualTo(200);
        }
    }
}
