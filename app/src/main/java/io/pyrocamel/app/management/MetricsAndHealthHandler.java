package io.pyrocamel.app.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Serves {@code /metrics} (Prometheus text of the Camel registry's {@code PrometheusMeterRegistry}) and
 * {@code /health}, {@code /health/live}, {@code /health/ready} (Camel's health checks as JSON: 200 when UP, 503 when
 * DOWN; the JSON has the same shape as Camel's own {@code /observe/health}).
 */
final class MetricsAndHealthHandler extends Handler.Abstract {

    static final String CONTENT_TYPE_PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    static final String CONTENT_TYPE_OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final CamelContext camelContext;
    private final PrometheusMeterRegistry meterRegistry;

    MetricsAndHealthHandler(CamelContext camelContext, PrometheusMeterRegistry meterRegistry) {
        super(InvocationType.BLOCKING);
        this.camelContext = camelContext;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        switch (path) {
            case "/metrics" -> metrics(request, response, callback);
            case "/health" -> health(request, response, callback, Kind.ALL);
            case "/health/live" -> health(request, response, callback, Kind.LIVE);
            case "/health/ready" -> health(request, response, callback, Kind.READY);
            case "", "/" -> index(request, response, callback);
            default -> {
                return false; // 404 from the server
            }
        }
        return true;
    }

    private static boolean getOrHead(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        return false;
    }

    private void metrics(Request request, Response response, Callback callback) {
        if (!getOrHead(request, response, callback)) {
            return;
        }
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? CONTENT_TYPE_OPENMETRICS : CONTENT_TYPE_PROMETHEUS;
        String body = meterRegistry.scrape(contentType);
        send(request, response, callback, HttpStatus.OK_200, contentType, body);
    }

    private enum Kind {
        ALL,
        LIVE,
        READY
    }

    private void health(Request request, Response response, Callback callback, Kind kind) {
        if (!getOrHead(request, response, callback)) {
            return;
        }
        Fields query = Request.extractQueryParameters(request);
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        String level = query.getValue("exposureLevel");
        if (level == null) {
            level = registry != null ? registry.getExposureLevel() : "default";
        }
        boolean includeData = "true".equals(query.getValue("data"));

        JsonObject root = new JsonObject();
        boolean up;
        if (registry == null || !registry.isEnabled()) {
            // no health-check support: report the context state only
            up = camelContext.isStarted();
            root.put("status", up ? "UP" : "DOWN");
        } else {
            // java.util.Collection spelled out: Handler.Collection (inherited) shadows an import
            java.util.Collection<HealthCheck.Result> results = switch (kind) {
                case ALL -> HealthCheckHelper.invoke(camelContext, level);
                case LIVE -> HealthCheckHelper.invokeLiveness(camelContext, level);
                case READY -> HealthCheckHelper.invokeReadiness(camelContext, level);
            };
            up = HealthCheckHelper.isResultsUp(results, kind == Kind.READY) && camelContext.isStarted();
            root.put("status", up ? "UP" : "DOWN");
            if (!"oneline".equals(level)) {
                List<HealthCheck.Result> shown = new ArrayList<>();
                for (HealthCheck.Result r : results) {
                    if ("full".equals(level) || r.getState() == HealthCheck.State.DOWN) {
                        shown.add(r);
                    }
                }
                if (!shown.isEmpty()) {
                    JsonArray checks = new JsonArray();
                    for (HealthCheck.Result r : shown) {
                        checks.add(check(r, "full".equals(level), includeData));
                    }
                    root.put("checks", checks);
                }
            }
        }
        send(request, response, callback, up ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                "application/json", root.toJson());
    }

    private static JsonObject check(HealthCheck.Result r, boolean full, boolean includeData) {
        JsonObject jo = new JsonObject();
        jo.put("name", r.getCheck().getId());
        jo.put("status", r.getState().name());
        r.getMessage().ifPresent(m -> jo.put("message", m));
        if (full) {
            r.getError().ifPresent(e -> jo.put("error-message", causes(e)));
        }
        if (includeData && r.getDetails() != null && !r.getDetails().isEmpty()) {
            JsonObject data = new JsonObject();
            Map<String, Object> details = r.getDetails();
            for (String key : new TreeSet<>(details.keySet())) {
                Object v = details.get(key);
                data.put(key, v == null ? "" : v.toString());
            }
            jo.put("data", data);
        }
        return jo;
    }

    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) {
                sb.append("; caused by: ").append(c.getClass().getName()).append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    private void index(Request request, Response response, Callback callback) {
        if (!getOrHead(request, response, callback)) {
            return;
        }
        String body = "pyrocamel management\n\n/metrics       Prometheus metrics\n/health        health (all checks)\n"
                      + "/health/live   liveness\n/health/ready  readiness\n/hawtio/       Hawtio console\n"
                      + "/hawtio/jolokia  Jolokia (JMX over HTTP)\n";
        send(request, response, callback, HttpStatus.OK_200, "text/plain; charset=utf-8", body);
    }

    private static void send(Request request, Response response, Callback callback, int status, String contentType,
                             String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return;
        }
        Content.Sink.write(response, true, body, callback);
    }
}
