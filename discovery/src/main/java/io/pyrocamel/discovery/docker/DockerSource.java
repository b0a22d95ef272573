package io.pyrocamel.discovery.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/**
 * A Docker daemon through docker-java (shaded zero-dependency transport: unix sockets through JNA, TCP, TLS): running
 * containers with the {@code filters}, and the networks. {@code http://} and {@code https://} hosts (Prometheus
 * accepts them) are reached as {@code tcp://}, with TLS for https.
 *
 * @since 0.1.0
 */
final class DockerSource implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;
    private final DockerClient docker;
    private final Map<String, List<String>> filters;

    DockerSource(DockerSettings s) throws Exception {
        URI host = URI.create(s.host());
        String scheme = host.getScheme();
        boolean tls = "https".equals(scheme) || s.tlsInsecureSkipVerify() || s.tlsCaFile() != null
                      || s.tlsCertFile() != null;
        URI dockerHost = "http".equals(scheme) || "https".equals(scheme)
                ? new URI("tcp", null, host.getHost(), host.getPort() < 0 ? ("https".equals(scheme) ? 443 : 80)
                        : host.getPort(), null, null, null)
                : host;
        SSLConfig ssl = tls && !"unix".equals(scheme) ? sslConfig(s) : null;
        Duration timeout = s.refreshInterval().compareTo(Duration.ofSeconds(30)) < 0 ? s.refreshInterval()
                : Duration.ofSeconds(30);
        http = new ZerodepDockerHttpClient.Builder().dockerHost(dockerHost).sslConfig(ssl).maxConnections(4)
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(timeout).build();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost.toString()).withDockerTlsVerify(false).build();
        docker = DockerClientImpl.getInstance(config, http);
        filters = s.filters();
    }

    /** The running containers that pass the filters. */
    List<Container> containers() {
        ListContainersCmd cmd = docker.listContainersCmd().withShowAll(false);
        filters.forEach(cmd::withFilter);
        return cmd.exec();
    }

    /** The networks by id ({@code GET /networks}; read raw because docker-java's model has no Ingress flag). */
    Map<String, DockerTargets.NetworkInfo> networks() throws IOException {
        DockerHttpClient.Request req = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/networks").build();
        try (DockerHttpClient.Response res = http.execute(req); InputStream body = res.getBody()) {
            byte[] bytes = body.readAllBytes();
            if (res.getStatusCode() / 100 != 2) {
                throw new IOException("GET /networks: HTTP " + res.getStatusCode() + ": "
                                      + new String(bytes, StandardCharsets.UTF_8).strip());
            }
            Map<String, DockerTargets.NetworkInfo> out = new LinkedHashMap<>();
            for (JsonNode n : JSON.readTree(bytes)) {
                Map<String, String> labels = new LinkedHashMap<>();
                JsonNode l = n.path("Labels");
                if (l.isObject()) {
                    l.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                }
                String id = n.path("Id").asText();
                out.put(id, new DockerTargets.NetworkInfo(id, n.path("Name").asText(), n.path("Scope").asText(),
                        n.path("Internal").asBoolean(), n.path("Ingress").asBoolean(), labels));
            }
            return out;
        }
    }

    private static SSLConfig sslConfig(DockerSettings s) throws Exception {
        TrustManager[] trust = null;
        if (s.tlsInsecureSkipVerify()) {
            trust = new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }};
        } else if (s.tlsCaFile() != null) {
            KeyStore ts = CertificateUtils.createTrustStore(Files.readString(Path.of(s.tlsCaFile())));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            trust = tmf.getTrustManagers();
        }
        javax.net.ssl.KeyManager[] keys = null;
        if (s.tlsCertFile() != null) {
            KeyStore ks = CertificateUtils.createKeyStore(Files.readString(Path.of(s.tlsKeyFile())),
                    Files.readString(Path.of(s.tlsCertFile())));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "docker".toCharArray());
            keys = kmf.getKeyManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keys, trust, new SecureRandom());
        return () -> ctx;
    }

    @Override
    public void close() throws IOException {
        docker.close();
        http.close();
    }

    static List<String> values(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String v : commaSeparated.split(",")) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
        return out;
    }
}
