package io.pyrocamel.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: starts {@link PyrocamelApplication} in this JVM on a free management port, and speaks HTTP to it.
 */
final class TestApp implements AutoCloseable {

    final PyrocamelApplication app;
    final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private TestApp(PyrocamelApplication app) {
        this.app = app;
        this.base = app.getManagementServer() != null
                ? URI.create("http://127.0.0.1:" + app.getManagementServer().port() + "/") : null;
    }

    /** Starts the app with the given test route files (names under src/test/resources/routes) and properties. */
    static TestApp start(Map<String, String> properties, String... routeFiles) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("pyrocamel.management.port", "0");
        props.putAll(properties);
        PyrocamelApplication app = new PyrocamelApplication(routes(routeFiles), props);
        app.start();
        return new TestApp(app);
    }

    static List<Path> routes(String... names) {
        return Arrays.stream(names).map(TestApp::route).toList();
    }

    static Path route(String name) {
        URL url = TestApp.class.getResource("/routes/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test route " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> get(String path, String username, String password) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().header("Authorization", basic(username, password)));
    }

    /** POSTs a Jolokia JSON request to /hawtio/jolokia. */
    HttpResponse<String> jolokia(String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("hawtio/jolokia"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        app.close();
    }
}
