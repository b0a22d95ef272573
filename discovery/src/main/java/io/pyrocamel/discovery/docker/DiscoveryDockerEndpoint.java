package io.pyrocamel.discovery.docker;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import io.pyrocamel.discovery.AbstractDiscoveryEndpoint;
import io.pyrocamel.discovery.DiscoveryConstants;

/**
 * Discover the running containers of a Docker daemon (Alloy's {@code discovery.docker}) every
 * {@code refreshInterval}, and emit the complete list, with Prometheus' {@code __meta_docker_*} labels, after the first
 * refresh and whenever it changes.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "discovery-docker", title = "Discovery Docker",
             syntax = "discovery-docker:name", consumerOnly = true, remote = true,
             category = {Category.MONITORING, Category.CONTAINER}, headersClass = DiscoveryConstants.class)
public final class DiscoveryDockerEndpoint extends AbstractDiscoveryEndpoint {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    public static final String DEFAULT_REFRESH_INTERVAL = "60s";
    static final long DEFAULT_REFRESH_INTERVAL_MILLIS = 60_000;
    public static final String DEFAULT_PORT = "80";
    static final int DEFAULT_PORT_NUMBER = 80;
    public static final String DEFAULT_HOST_NETWORKING_HOST = "localhost";

    @UriParam(label = "consumer", defaultValue = DEFAULT_HOST,
              description = "Address of the Docker daemon (Alloy host): unix:///path, tcp://host:port, http://host:port"
                            + " or https://host:port (TLS; see the tls options).")
    private String host = DEFAULT_HOST;

    @UriParam(label = "consumer", defaultValue = DEFAULT_PORT,
              description = "Port for the __address__ of containers without a TCP port (Alloy port).")
    private int port = DEFAULT_PORT_NUMBER;

    @UriParam(label = "consumer", defaultValue = DEFAULT_HOST_NETWORKING_HOST,
              description = "The __address__ of containers in host networking mode (Alloy host_networking_host).")
    private String hostNetworkingHost = DEFAULT_HOST_NETWORKING_HOST;

    @UriParam(label = "consumer", defaultValue = DEFAULT_REFRESH_INTERVAL, javaType = "java.time.Duration",
              description = "How often the containers are listed (Alloy refresh_interval).")
    private long refreshInterval = DEFAULT_REFRESH_INTERVAL_MILLIS;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "For a container in several networks, make targets for the first network (by name) only"
                            + " (Alloy match_first_network).")
    private boolean matchFirstNetwork = true;

    @UriParam(label = "consumer", prefix = "filters.", multiValue = true,
              description = "Docker API filters for the container list (Alloy filter blocks): filters.NAME=VALUE, several"
                            + " values comma-separated, e.g. filters.label=com.example.profile=true,"
                            + " filters.name=web,api (docs.docker.com: GET /containers/json filters).")
    private Map<String, Object> filters;

    @UriParam(label = "security",
              description = "CA certificates (PEM file) that verify the daemon (Alloy tls_config.ca_file).")
    private String tlsCaFile;

    @UriParam(label = "security",
              description = "Client certificate (PEM file) for a TLS daemon (Alloy tls_config.cert_file).")
    private String tlsCertFile;

    @UriParam(label = "security",
              description = "Client key (PEM file) for a TLS daemon (Alloy tls_config.key_file).")
    private String tlsKeyFile;

    @UriParam(label = "security", defaultValue = "false",
              description = "Do not verify the daemon's certificate (Alloy tls_config.insecure_skip_verify).")
    private boolean tlsInsecureSkipVerify;

    private DockerSettings settings;

    public DiscoveryDockerEndpoint(String uri, DiscoveryDockerComponent component, String name) {
        super(uri, component, name);
    }

    @Override
    public String mechanism() {
        return "docker";
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DiscoveryDockerConsumer consumer = new DiscoveryDockerConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String where = displayName() + ": ";
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(where + "option host must not be empty");
        }
        try {
            URI uri = new URI(host.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !List.of("unix", "tcp", "http", "https").contains(scheme)) {
                throw new IllegalArgumentException(where + "option host must be a unix://, tcp://, http:// or https://"
                                                   + " address, was " + host);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + "option host is not a valid address: " + e.getMessage());
        }
        if (refreshInterval <= 0) {
            throw new IllegalArgumentException(where + "option refreshInterval must be greater than 0, was "
                                               + Duration.ofMillis(refreshInterval));
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(where + "option port must be 0..65535, was " + port);
        }
        if ((tlsCertFile == null) != (tlsKeyFile == null)) {
            throw new IllegalArgumentException(where + "options tlsCertFile and tlsKeyFile go together");
        }
        Map<String, List<String>> f = new LinkedHashMap<>();
        if (filters != null) {
            filters.forEach((k, v) -> {
                List<String> values = DockerSource.values(String.valueOf(v));
                if (values.isEmpty()) {
                    throw new IllegalArgumentException(where + "filter " + k + " has no value");
                }
                f.put(k, values);
            });
        }
        settings = new DockerSettings(host.trim(), port, hostNetworkingHost, Duration.ofMillis(refreshInterval),
                matchFirstNetwork, Map.copyOf(f), tlsCaFile, tlsCertFile, tlsKeyFile, tlsInsecureSkipVerify);
    }

    DockerSettings settings() {
        return settings;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getHostNetworkingHost() {
        return hostNetworkingHost;
    }

    public void setHostNetworkingHost(String hostNetworkingHost) {
        this.hostNetworkingHost = hostNetworkingHost;
    }

    public long getRefreshInterval() {
        return refreshInterval;
    }

    /** The refresh interval in milliseconds. */
    public void setRefreshInterval(long refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public boolean isMatchFirstNetwork() {
        return matchFirstNetwork;
    }

    public void setMatchFirstNetwork(boolean matchFirstNetwork) {
        this.matchFirstNetwork = matchFirstNetwork;
    }

    public Map<String, Object> getFilters() {
        return filters;
    }

    public void setFilters(Map<String, Object> filters) {
        this.filters = filters;
    }

    public String getTlsCaFile() {
        return tlsCaFile;
    }

    public void setTlsCaFile(String tlsCaFile) {
        this.tlsCaFile = tlsCaFile;
    }

    public String getTlsCertFile() {
        return tlsCertFile;
    }

    public void setTlsCertFile(String tlsCertFile) {
        this.tlsCertFile = tlsCertFile;
    }

    public String getTlsKeyFile() {
        return tlsKeyFile;
    }

    public void setTlsKeyFile(String tlsKeyFile) {
        this.tlsKeyFile = tlsKeyFile;
    }

    public boolean isTlsInsecureSkipVerify() {
        return tlsInsecureSkipVerify;
    }

    public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
        this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
    }
}
