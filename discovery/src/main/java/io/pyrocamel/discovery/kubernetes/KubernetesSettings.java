package io.pyrocamel.discovery.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated options of a {@code discovery-kubernetes} endpoint.
 *
 * @since 0.1.0
 */
record KubernetesSettings(KubernetesRole role, String apiServer, String kubeconfigFile, List<String> namespaces,
                          boolean ownNamespace, Map<KubernetesRole, Selector> selectors, boolean attachMetadataNode,
                          boolean attachMetadataNamespace, String bearerToken, String bearerTokenFile,
                          String basicAuthUsername, String basicAuthPassword, String basicAuthPasswordFile,
                          String tlsCaFile, String tlsCaPem, String tlsCertFile, String tlsCertPem, String tlsKeyFile,
                          String tlsKeyPem, boolean tlsInsecureSkipVerify, String proxyUrl, String noProxy,
                          Duration debounce) {

    Selector selector(KubernetesRole r) {
        return selectors.getOrDefault(r, Selector.NONE);
    }

    /** True when an HTTP client option is set (auth, TLS, proxy): Prometheus then requires api_server. */
    boolean customHttpClient() {
        return bearerToken != null || bearerTokenFile != null || basicAuthUsername != null
               || basicAuthPassword != null || basicAuthPasswordFile != null || tlsCaFile != null || tlsCaPem != null
               || tlsCertFile != null || tlsCertPem != null || tlsKeyFile != null || tlsKeyPem != null
               || tlsInsecureSkipVerify || proxyUrl != null || noProxy != null;
    }
}
