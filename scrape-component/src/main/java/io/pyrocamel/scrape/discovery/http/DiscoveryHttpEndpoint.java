package io.pyrocamel.scrape.discovery.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.pyrocamel.core.Durations;
import io.pyrocamel.core.http.HttpClientSettings;
import io.pyrocamel.core.http.HttpClientOptions;

/**
 * Discovers targets from an HTTP endpoint that answers Prometheus target groups (http_sd), like Alloy's
 * {@code discovery.http}: polled every {@code refreshInterval}; the complete target list is sent into the route at the
 * first successful refresh and whenever it changes. Send it {@code to: targets:NAME} for the profilers.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "discovery-http", title = "Discovery HTTP",
             syntax = "discovery-http:name", consumerOnly = true, remote = true,
             category = {Category.MONITORING, Category.HTTP}, headersClass = DiscoveryHttpConstants.class)
public class DiscoveryHttpEndpoint extends DefaultEndpoint {

    public static final String DEFAULT_REFRESH_INTERVAL = "60s";

    @UriPath(description = "Name of the discovery (the label of Alloy's discovery.http block).")
    @Metadata(required = true)
    private String name;

    @UriParam(description = "URL that answers the target groups as JSON (Alloy url), e.g."
                            + " https://example.com/scrape_targets.")
    @Metadata(required = true)
    private String url;

    @UriParam(defaultValue = DEFAULT_REFRESH_INTERVAL, javaType = "java.time.Duration",
              description = "How often the URL is polled; also the request timeout (Alloy refresh_interval).")
    private long refreshInterval = Durations.parse("refreshInterval", DEFAULT_REFRESH_INTERVAL).toMillis();

    @UriParam
    private HttpClientOptions http = new HttpClientOptions();

    private URI uri;
    private HttpClientSettings settings;

    public DiscoveryHttpEndpoint(String uri, DiscoveryHttpComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** Name of the discovery (the label of Alloy's discovery.http block). */
    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    /** URL that answers the target groups as JSON (Alloy url). */
    public void setUrl(String url) {
        this.url = url;
    }

    public long getRefreshInterval() {
        return refreshInterval;
    }

    /** How often the URL is polled; also the request timeout (Alloy refresh_interval). */
    public void setRefreshInterval(long refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public HttpClientOptions getHttp() {
        return http;
    }

    /** The HTTP client options. */
    public void setHttp(HttpClientOptions http) {
        this.http = http;
    }

    URI uri() {
        return uri;
    }

    HttpClientSettings settings() {
        return settings;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + ": discovery-http only consumes: use it in from:");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DiscoveryHttpConsumer consumer = new DiscoveryHttpConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        List<String> errors = new ArrayList<>();
        if (url == null || url.isBlank()) {
            errors.add("url must be configured");
        } else {
            try {
                URI u = new URI(url.strip());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    errors.add("url scheme must be 'http' or 'https'");
                } else if (u.getHost() == null || u.getHost().isEmpty()) {
                    errors.add("url: host is missing in URL");
                } else {
                    uri = u;
                }
            } catch (URISyntaxException e) {
                errors.add("url is not a valid URL: " + e.getReason());
            }
        }
        if (refreshInterval <= 0) {
            errors.add("refreshInterval must be greater than 0");
        }
        settings = http.toSettings(errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("discovery-http:" + name + ": invalid configuration: "
                                               + String.join("; ", errors));
        }
    }
}
