package io.pyrocamel.scrape;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.pyrocamel.core.http.HttpClientOptions;

/**
 * Scrapes pprof profiles from HTTP targets, one loop per target and profile type, like Alloy's
 * {@code pyroscope.scrape}; each scraped profile is one exchange with a {@link io.pyrocamel.core.PushProfile} body.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pyroscope-scrape", title = "Pyroscope Scrape",
             syntax = "pyroscope-scrape:name", consumerOnly = true, remote = true,
             category = {Category.MONITORING}, headersClass = PyroscopeScrapeConstants.class)
public class PyroscopeScrapeEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of the scraper (the label of Alloy's pyroscope.scrape block); the default jobName.")
    @Metadata(required = true)
    private String name;

    @UriParam
    private PyroscopeScrapeConfiguration configuration = new PyroscopeScrapeConfiguration();

    @UriParam
    private HttpClientOptions http = new HttpClientOptions();

    private ScrapeSettings settings;

    public PyroscopeScrapeEndpoint(String uri, PyroscopeScrapeComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public PyroscopeScrapeComponent getComponent() {
        return (PyroscopeScrapeComponent) super.getComponent();
    }

    public String getName() {
        return name;
    }

    /** Name of the scraper (the label of Alloy's pyroscope.scrape block); the default jobName. */
    public void setName(String name) {
        this.name = name;
    }

    public PyroscopeScrapeConfiguration getConfiguration() {
        return configuration;
    }

    /** The scrape options. */
    public void setConfiguration(PyroscopeScrapeConfiguration configuration) {
        this.configuration = configuration;
    }

    public HttpClientOptions getHttp() {
        return http;
    }

    /** The HTTP client options. */
    public void setHttp(HttpClientOptions http) {
        this.http = http;
    }

    /** The validated settings (after init). */
    public ScrapeSettings getSettings() {
        return settings;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + ": pyroscope-scrape only consumes: use it in from:,"
                                                + " not to:");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        PyroscopeScrapeConsumer consumer = new PyroscopeScrapeConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        settings = ScrapeSettings.of(name, configuration, http);
    }
}
