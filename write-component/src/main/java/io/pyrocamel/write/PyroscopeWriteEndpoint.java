package io.pyrocamel.write;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.http.HttpClientOptions;
import io.pyrocamel.core.http.HttpClientSettings;

/**
 * Sends profiles (a PushProfile with the Connect push API, an IngestProfile to /ingest) to one Pyroscope endpoint,
 * with Alloy's retries, authentication, TLS, proxies and metrics.
 */
@ManagedResource(description = "Pyroscope write endpoint")
@UriEndpoint(firstVersion = "0.1.0", scheme = "pyroscope-write", title = "Pyroscope Write",
             syntax = "pyroscope-write:writerName", producerOnly = true, remote = true,
             category = {Category.MONITORING}, headersClass = PyroscopeWriteConstants.class)
public class PyroscopeWriteEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of the writer (the label of Alloy's pyroscope.write block).")
    @Metadata(required = true)
    private String writerName;

    @UriParam
    private PyroscopeWriteConfiguration configuration;

    /** Authentication, TLS, proxy, HTTP/2, redirects, extra headers: the shared client options. */
    @UriParam
    private HttpClientOptions http = new HttpClientOptions();

    private WriteSettings settings;
    private final java.util.Set<PyroscopeWriteProducer> producers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PyroscopeWriteEndpoint(String uri, PyroscopeWriteComponent component, String writerName,
                                  PyroscopeWriteConfiguration configuration) {
        super(uri, component);
        this.writerName = writerName;
        this.configuration = configuration;
    }

    @Override
    public PyroscopeWriteComponent getComponent() {
        return (PyroscopeWriteComponent) super.getComponent();
    }

    public String getWriterName() {
        return writerName;
    }

    /** Name of the writer (the label of Alloy's pyroscope.write block). */
    public void setWriterName(String writerName) {
        this.writerName = writerName;
    }

    public PyroscopeWriteConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint options. */
    public void setConfiguration(PyroscopeWriteConfiguration configuration) {
        this.configuration = configuration;
    }

    public HttpClientOptions getHttp() {
        return http;
    }

    /** The HTTP client options (authentication, TLS, proxy, ...). */
    public void setHttp(HttpClientOptions http) {
        this.http = http;
    }

    /** The validated settings (after start-up). */
    WriteSettings getSettings() {
        return settings;
    }

    void register(PyroscopeWriteProducer producer, boolean started) {
        if (started) {
            producers.add(producer);
        } else {
            producers.remove(producer);
        }
    }

    /** Exchanges being written (attempts and backoff waits) by this endpoint's producers. */
    @ManagedAttribute(description = "Exchanges being written (attempts and backoff waits included)")
    public int getRunningRequests() {
        return producers.stream().mapToInt(PyroscopeWriteProducer::runningCount).sum();
    }

    /** Exchanges waiting for a free slot (maxConcurrentRequests). */
    @ManagedAttribute(description = "Exchanges waiting for a free slot (maxConcurrentRequests)")
    public int getQueuedRequests() {
        return producers.stream().mapToInt(PyroscopeWriteProducer::waitingCount).sum();
    }

    @Override
    public Producer createProducer() {
        return new PyroscopeWriteProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("pyroscope-write only sends: use it as a to: step");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        settings = settings(configuration, http, writerName);
    }

    /**
     * Turns the options into settings and checks every rule once; the message names the endpoint and the options.
     */
    static WriteSettings settings(PyroscopeWriteConfiguration c, HttpClientOptions h, String writerName) {
        List<String> errors = new ArrayList<>();
        URI base = null;
        if (c.getUrl() == null || c.getUrl().isBlank()) {
            errors.add("url must be configured");
        } else {
            try {
                base = new URI(c.getUrl().strip());
                String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(java.util.Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
                    errors.add("url must be an absolute http:// or https:// URL with a host");
                }
            } catch (URISyntaxException e) {
                errors.add("url is not a valid URL: " + e.getReason());
            }
        }
        if (c.getRemoteTimeout() <= 0) {
            errors.add("remoteTimeout must be greater than 0");
        }
        if (c.getMinBackoffPeriod() <= 0) {
            errors.add("minBackoffPeriod must be greater than 0");
        }
        if (c.getMaxBackoffPeriod() < c.getMinBackoffPeriod()) {
            errors.add("maxBackoffPeriod must not be less than minBackoffPeriod");
        }
        if (c.getMaxBackoffRetries() < 0) {
            errors.add("maxBackoffRetries must be 0 (no limit) or more");
        }
        if (c.getMaxConcurrentRequests() < 1) {
            errors.add("maxConcurrentRequests must be at least 1");
        }
        if (c.getMaxQueuedRequests() < 0) {
            errors.add("maxQueuedRequests must be 0 or more");
        }
        Map<String, String> external = strings(c.getExternalLabels());
        for (Map.Entry<String, String> e : external.entrySet()) {
            try {
                LabelNames.validate(e.getKey(), e.getValue());
            } catch (InvalidLabelException ex) {
                errors.add("externalLabels." + e.getKey() + ": " + ex.getMessage());
            }
        }
        Map<String, String> headers = strings(c.getHeaders());
        HttpClientSettings http = h.toSettings(errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("pyroscope-write:" + writerName + ": invalid configuration: "
                                               + String.join("; ", errors));
        }
        String name = c.getName() == null || c.getName().isBlank() ? writerName : c.getName();
        return new WriteSettings(c.getUrl().strip(), base, name, Duration.ofMillis(c.getRemoteTimeout()), headers,
                Duration.ofMillis(c.getMinBackoffPeriod()), Duration.ofMillis(c.getMaxBackoffPeriod()),
                c.getMaxBackoffRetries(), c.isRetryOnHttp429(), external, c.getMaxConcurrentRequests(),
                c.getMaxQueuedRequests(), h.getIoThreads(), http);
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        }
        return out;
    }
}
