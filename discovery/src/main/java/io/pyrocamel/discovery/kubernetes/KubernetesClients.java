package io.pyrocamel.discovery.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The fabric8 client of a discovery, configured as Prometheus configures client-go: from {@code kubeconfigFile}; or
 * from {@code apiServer} plus the HTTP client options; or, with neither, in-cluster (the pod's service account,
 * {@code KUBERNETES_SERVICE_HOST}/{@code _PORT}). fabric8's own auto-configuration (environment, system properties,
 * {@code ~/.kube/config}) is not used, so nothing but the options decides where discovery connects.
 *
 * @since 0.1.0
 */
final class KubernetesClients {

    static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

    /** A client and the pod's own namespace (in-cluster with namespacesOwnNamespace only, else null). */
    record Connection(KubernetesClient client, String ownNamespace) {
    }

    private KubernetesClients() {
    }

    static Connection connect(KubernetesSettings s, UnaryOperator<String> env, Path serviceAccountDir)
            throws IOException {
        Config config;
        String ownNamespace = null;
        if (s.kubeconfigFile() != null) {
            File file = new File(s.kubeconfigFile());
            if (!file.isFile()) {
                throw new IllegalArgumentException("option kubeconfigFile: no such file " + file.getAbsolutePath());
            }
            config = Config.fromKubeconfig(null, file);
        } else if (s.apiServer() != null) {
            ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl(s.apiServer());
            if (s.bearerToken() != null) {
                b.withOauthToken(s.bearerToken());
            } else if (s.bearerTokenFile() != null) {
                Path token = Path.of(s.bearerTokenFile());
                readFile(token, "bearerTokenFile"); // fail at start when unreadable
                b.withOauthTokenProvider(() -> readFileUnchecked(token, "bearerTokenFile"));
            }
            if (s.basicAuthUsername() != null) {
                b.withUsername(s.basicAuthUsername());
                String password = s.basicAuthPassword();
                if (password == null && s.basicAuthPasswordFile() != null) {
                    password = readFile(Path.of(s.basicAuthPasswordFile()), "basicAuthPasswordFile");
                }
                b.withPassword(password);
            }
            if (s.tlsCaFile() != null) {
                b.withCaCertFile(s.tlsCaFile());
            } else if (s.tlsCaPem() != null) {
                b.withCaCertData(base64(s.tlsCaPem()));
            }
            if (s.tlsCertFile() != null) {
                b.withClientCertFile(s.tlsCertFile());
            } else if (s.tlsCertPem() != null) {
                b.withClientCertData(base64(s.tlsCertPem()));
            }
            if (s.tlsKeyFile() != null) {
                b.withClientKeyFile(s.tlsKeyFile());
            } else if (s.tlsKeyPem() != null) {
                b.withClientKeyData(base64(s.tlsKeyPem()));
            }
            b.withTrustCerts(s.tlsInsecureSkipVerify()).withDisableHostnameVerification(s.tlsInsecureSkipVerify());
            if (s.proxyUrl() != null) {
                b.withHttpProxy(s.proxyUrl()).withHttpsProxy(s.proxyUrl());
            }
            if (s.noProxy() != null) {
                b.withNoProxy(s.noProxy().split("\\s*,\\s*"));
            }
            config = b.build();
        } else {
            String host = env.apply("KUBERNETES_SERVICE_HOST");
            String port = env.apply("KUBERNETES_SERVICE_PORT");
            if (host == null || host.isEmpty() || port == null || port.isEmpty()) {
                throw new IllegalArgumentException("no apiServer and no kubeconfigFile, and not running in a"
                        + " Kubernetes pod (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set): set"
                        + " apiServer or kubeconfigFile to discover from outside a cluster");
            }
            Path token = serviceAccountDir.resolve("token");
            readFile(token, "the service account token");
            ConfigBuilder b = new ConfigBuilder(Config.empty())
                    .withMasterUrl("https://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port)
                    .withOauthTokenProvider(() -> readFileUnchecked(token, "the service account token"));
            Path ca = serviceAccountDir.resolve("ca.crt");
            if (Files.isRegularFile(ca)) {
                b.withCaCertFile(ca.toString());
            }
            config = b.build();
            if (s.ownNamespace()) {
                ownNamespace = readFile(serviceAccountDir.resolve("namespace"), "the pod's namespace").strip();
                if (ownNamespace.isEmpty()) {
                    throw new IllegalArgumentException("could not read own namespace name (empty file "
                            + serviceAccountDir.resolve("namespace") + ")");
                }
            }
        }
        config.setWatchReconnectInterval(1000);
        config.setWatchReconnectLimit(-1);
        // no silent retries inside the HTTP client: a failed list or watch reaches the informer (and so the health
        // check and the failure count) at once; the informer retries with its own backoff
        config.setRequestRetryBackoffLimit(0);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new Connection(client, ownNamespace);
    }

    static Connection connect(KubernetesSettings s) throws IOException {
        Map<String, String> env = System.getenv();
        return connect(s, env::get, Path.of(SERVICE_ACCOUNT_DIR));
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static String readFile(Path file, String what) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IOException("cannot read " + what + " " + file + ": " + e, e);
        }
    }

    private static String readFileUnchecked(Path file, String what) {
        try {
            return readFile(file, what);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
