package io.pyrocamel.scrape.discovery.file;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

/**
 * Discovers targets from Prometheus file_sd files (JSON or YAML lists of target groups), like Alloy's
 * {@code discovery.file}: the files are watched and re-read every {@code refreshInterval}; the complete target list is
 * sent into the route at start and whenever it changes. Send it {@code to: targets:NAME} for the profilers.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "discovery-file", title = "Discovery File",
             syntax = "discovery-file:name", consumerOnly = true, category = {Category.MONITORING, Category.FILE},
             headersClass = DiscoveryFileConstants.class)
public class DiscoveryFileEndpoint extends DefaultEndpoint {

    public static final String DEFAULT_REFRESH_INTERVAL = "5m";

    /** Prometheus' rule for file_sd paths: a '*' only in the last path element, a JSON or YAML extension. */
    static final Pattern FILE_PATTERN = Pattern.compile("^[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)$");

    @UriPath(description = "Name of the discovery (the label of Alloy's discovery.file block).")
    @Metadata(required = true)
    private String name;

    @UriParam(description = "The files to read (Alloy files): comma-separated paths or patterns, e.g."
                            + " targets/*.json,/etc/targets/app.yaml. Extension .json, .yml or .yaml; a '*' only in"
                            + " the file name.")
    @Metadata(required = true)
    private String files;

    @UriParam(defaultValue = DEFAULT_REFRESH_INTERVAL, javaType = "java.time.Duration",
              description = "How often the files are re-read besides the file watch (Alloy refresh_interval).")
    private long refreshInterval = Durations.parse("refreshInterval", DEFAULT_REFRESH_INTERVAL).toMillis();

    private List<String> patterns = List.of();

    public DiscoveryFileEndpoint(String uri, DiscoveryFileComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** Name of the discovery (the label of Alloy's discovery.file block). */
    public void setName(String name) {
        this.name = name;
    }

    public String getFiles() {
        return files;
    }

    /** The files to read (Alloy files): comma-separated paths or patterns. */
    public void setFiles(String files) {
        this.files = files;
    }

    public long getRefreshInterval() {
        return refreshInterval;
    }

    /** How often the files are re-read besides the file watch (Alloy refresh_interval). */
    public void setRefreshInterval(long refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    /** The validated patterns. */
    List<String> patterns() {
        return patterns;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + ": discovery-file only consumes: use it in from:");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DiscoveryFileConsumer consumer = new DiscoveryFileConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        List<String> errors = new ArrayList<>();
        List<String> list = new ArrayList<>();
        if (files != null) {
            for (String f : files.split(",")) {
                if (!f.isBlank()) {
                    list.add(f.strip());
                }
            }
        }
        if (list.isEmpty()) {
            errors.add("files must name at least one file or pattern");
        }
        for (String f : list) {
            if (!FILE_PATTERN.matcher(f).matches()) {
                errors.add("files: path name \"" + f + "\" is not valid for file discovery (extension .json, .yml or"
                           + " .yaml; a '*' only in the last path element)");
            }
        }
        if (refreshInterval <= 0) {
            errors.add("refreshInterval must be greater than 0");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("discovery-file:" + name + ": invalid configuration: "
                                               + String.join("; ", errors));
        }
        patterns = List.copyOf(list);
    }
}
