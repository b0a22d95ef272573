package io.pyrocamel.discovery.kubernetes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

import io.pyrocamel.discovery.AbstractDiscoveryEndpoint;
import io.pyrocamel.discovery.DiscoveryConstants;

/**
 * Discover Kubernetes pods, services, endpoints, endpoint slices or nodes (Alloy's {@code discovery.kubernetes}) with
 * watches, and emit the complete target list, with Prometheus' {@code __meta_kubernetes_*} labels, once every watched
 * resource is listed and then after every change.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "discovery-kubernetes", title = "Discovery Kubernetes",
             syntax = "discovery-kubernetes:name", consumerOnly = true, remote = true,
             category = {Category.MONITORING, Category.CLOUD}, headersClass = DiscoveryConstants.class)
public final class DiscoveryKubernetesEndpoint extends AbstractDiscoveryEndpoint {

    public static final String DEFAULT_DEBOUNCE = "1s";
    static final long DEFAULT_DEBOUNCE_MILLIS = 1000;

    @UriParam(label = "consumer", enums = "pod,service,endpoints,endpointslice,node",
              description = "The Kubernetes role of the targets (Alloy role): pod, service, endpoints, endpointslice or"
                            + " node. Required.")
    @Metadata(required = true)
    private String role;

    @UriParam(label = "consumer",
              description = "URL of the Kubernetes API server (Alloy api_server). Without it and without"
                            + " kubeconfigFile, discovery runs in-cluster with the pod's service account. The HTTP"
                            + " client options (bearer token, basic auth, TLS, proxy) need it.")
    private String apiServer;

    @UriParam(label = "consumer",
              description = "A kubeconfig file to connect with (Alloy kubeconfig_file); its current context is used."
                            + " Not together with apiServer or the HTTP client options.")
    private String kubeconfigFile;

    @UriParam(label = "consumer",
              description = "The namespaces to discover in, comma-separated (Alloy namespaces.names). Empty: all"
                            + " namespaces (unless namespacesOwnNamespace).")
    private String namespaces;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Also discover in the namespace of the pod this runs in (Alloy namespaces.own_namespace);"
                            + " in-cluster only.")
    private boolean namespacesOwnNamespace = false;

    @UriParam(label = "consumer",
              description = "The role that selectorsLabel and selectorsField apply to (Alloy selectors.role); default:"
                            + " the discovery's role. The endpoints role also takes pod and service selectors, the"
                            + " endpointslice role pod and service.")
    private String selectorsRole;

    @UriParam(label = "consumer",
              description = "A label selector such as app=web,tier!=cache (Alloy selectors.label), sent to the API"
                            + " server with the list and watch of selectorsRole.")
    private String selectorsLabel;

    @UriParam(label = "consumer",
              description = "A field selector such as spec.nodeName=node-1 (Alloy selectors.field): key=value,"
                            + " key==value or key!=value terms, comma-separated.")
    private String selectorsField;

    @UriParam(label = "consumer,advanced",
              description = "Several selectors blocks, inline: a JSON list such as"
                            + " [{\"role\":\"pod\",\"field\":\"spec.nodeName=n1\"},{\"role\":\"service\",\"label\":\"app=web\"}]"
                            + " (Alloy selectors blocks; one per role). In a URI wrap it in RAW(...).")
    private String selectors;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Add the labels and annotations of each target's node, as __meta_kubernetes_node_*"
                            + " (Alloy attach_metadata.node; roles pod, endpoints, endpointslice). Watches nodes.")
    private boolean attachMetadataNode = false;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Add the labels and annotations of each target's namespace, as"
                            + " __meta_kubernetes_namespace_* (Alloy attach_metadata.namespace). Watches namespaces.")
    private boolean attachMetadataNamespace = false;

    @UriParam(label = "security", secret = true,
              description = "Bearer token for the API server (Alloy bearer_token).")
    private String bearerToken;

    @UriParam(label = "security",
              description = "File with the bearer token, read again for every request (Alloy bearer_token_file).")
    private String bearerTokenFile;

    @UriParam(label = "security",
              description = "Basic authentication user (Alloy basic_auth.username).")
    private String basicAuthUsername;

    @UriParam(label = "security", secret = true,
              description = "Basic authentication password (Alloy basic_auth.password).")
    private String basicAuthPassword;

    @UriParam(label = "security",
              description = "File with the basic authentication password (Alloy basic_auth.password_file), read at"
                            + " start.")
    private String basicAuthPasswordFile;

    @UriParam(label = "security",
              description = "CA certificates (PEM file) that verify the API server (Alloy tls_config.ca_file).")
    private String tlsCaFile;

    @UriParam(label = "security",
              description = "CA certificates as PEM text (Alloy tls_config.ca_pem).")
    private String tlsCaPem;

    @UriParam(label = "security",
              description = "Client certificate (PEM file) for mutual TLS (Alloy tls_config.cert_file).")
    private String tlsCertFile;

    @UriParam(label = "security",
              description = "Client certificate as PEM text (Alloy tls_config.cert_pem).")
    private String tlsCertPem;

    @UriParam(label = "security",
              description = "Client key (PEM file) for mutual TLS (Alloy tls_config.key_file).")
    private String tlsKeyFile;

    @UriParam(label = "security", secret = true,
              description = "Client key as PEM text (Alloy tls_config.key_pem).")
    private String tlsKeyPem;

    @UriParam(label = "security", defaultValue = "false",
              description = "Do not verify the API server's certificate and host name (Alloy"
                            + " tls_config.insecure_skip_verify).")
    private boolean tlsInsecureSkipVerify = false;

    @UriParam(label = "consumer,advanced",
              description = "HTTP proxy for the API server connections (Alloy proxy_url).")
    private String proxyUrl;

    @UriParam(label = "consumer,advanced",
              description = "Hosts, domains and networks reached without the proxy, comma-separated (Alloy no_proxy).")
    private String noProxy;

    @UriParam(label = "consumer", defaultValue = DEFAULT_DEBOUNCE, javaType = "java.time.Duration",
              description = "How long after a change the list is built and emitted; changes within that time make one"
                            + " emission (Alloy: at most every 5s). 0 emits after every change.")
    private long debounce = DEFAULT_DEBOUNCE_MILLIS;

    private KubernetesSettings settings;

    public DiscoveryKubernetesEndpoint(String uri, DiscoveryKubernetesComponent component, String name) {
        super(uri, component, name);
    }

    @Override
    public String mechanism() {
        return "kubernetes";
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DiscoveryKubernetesConsumer consumer = new DiscoveryKubernetesConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        try {
            settings = validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(displayName() + ": " + e.getMessage()); // no cause: says it all
        }
    }

    /** The settings validated by Prometheus' rules (SDConfig.UnmarshalYAML, HTTPClientConfig.Validate). */
    KubernetesSettings validate() {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("option role is required (one of: pod, service, endpoints,"
                                               + " endpointslice, node)");
        }
        KubernetesRole r = KubernetesRole.of(role);
        if (r == null) {
            throw new IllegalArgumentException("option role: unknown Kubernetes role \"" + role + "\" (one of: pod,"
                                               + " service, endpoints, endpointslice, node)");
        }
        if (!KubernetesRole.SUPPORTED.contains(r)) {
            throw new IllegalArgumentException("option role: role " + r + " is not supported by pyrocamel (Alloy"
                                               + " has it; supported: pod, service, endpoints, endpointslice, node)");
        }
        if (debounce < 0) {
            throw new IllegalArgumentException("option debounce must be >= 0");
        }
        Map<KubernetesRole, Selector> sel = new EnumMap<>(KubernetesRole.class);
        for (Selector s : parseSelectors()) {
            if (sel.containsKey(s.role())) {
                throw new IllegalArgumentException("duplicated selector role: " + s.role());
            }
            if (!r.allowedSelectorRoles().contains(s.role())) {
                throw new IllegalArgumentException(r + " role supports only "
                        + String.join(", ", r.allowedSelectorRoles().stream().map(KubernetesRole::value).sorted()
                                .toList()) + " selectors, not " + s.role());
            }
            s.fieldRequirements("selectorsField"); // syntax check
            sel.put(s.role(), s);
        }
        String api = blank(apiServer);
        String kubeconfig = blank(kubeconfigFile);
        List<String> ns = new ArrayList<>();
        if (namespaces != null) {
            for (String n : namespaces.split(",")) {
                if (!n.isBlank()) {
                    ns.add(n.trim());
                }
            }
        }
        KubernetesSettings s = new KubernetesSettings(r, api, kubeconfig, List.copyOf(ns), namespacesOwnNamespace,
                Map.copyOf(sel), attachMetadataNode, attachMetadataNamespace, blank(bearerToken),
                blank(bearerTokenFile), blank(basicAuthUsername), blank(basicAuthPassword),
                blank(basicAuthPasswordFile), blank(tlsCaFile), blank(tlsCaPem), blank(tlsCertFile),
                blank(tlsCertPem), blank(tlsKeyFile), blank(tlsKeyPem), tlsInsecureSkipVerify, blank(proxyUrl),
                blank(noProxy), Duration.ofMillis(debounce));
        if (api != null && kubeconfig != null) {
            throw new IllegalArgumentException("cannot use kubeconfigFile and apiServer simultaneously");
        }
        if (kubeconfig != null && s.customHttpClient()) {
            throw new IllegalArgumentException("cannot use a custom HTTP client configuration (bearer token, basic"
                                               + " auth, TLS, proxy options) together with kubeconfigFile");
        }
        if (api == null && kubeconfig == null && s.customHttpClient()) {
            throw new IllegalArgumentException("to use custom HTTP client configuration (bearer token, basic auth,"
                                               + " TLS, proxy options) please provide the apiServer URL explicitly");
        }
        if (api != null && namespacesOwnNamespace) {
            throw new IllegalArgumentException("cannot use apiServer and namespacesOwnNamespace simultaneously");
        }
        if (kubeconfig != null && namespacesOwnNamespace) {
            throw new IllegalArgumentException("cannot use kubeconfigFile and namespacesOwnNamespace simultaneously");
        }
        if (api != null && !(api.startsWith("http://") || api.startsWith("https://"))) {
            throw new IllegalArgumentException("option apiServer must be an http:// or https:// URL, was " + api);
        }
        if (s.bearerToken() != null && s.bearerTokenFile() != null) {
            throw new IllegalArgumentException("at most one of bearerToken and bearerTokenFile must be configured");
        }
        boolean basic = s.basicAuthUsername() != null || s.basicAuthPassword() != null
                        || s.basicAuthPasswordFile() != null;
        if (basic && (s.bearerToken() != null || s.bearerTokenFile() != null)) {
            throw new IllegalArgumentException("at most one of basicAuth*, bearerToken and bearerTokenFile must be"
                                               + " configured");
        }
        if (s.basicAuthPassword() != null && s.basicAuthPasswordFile() != null) {
            throw new IllegalArgumentException("at most one of basicAuthPassword and basicAuthPasswordFile must be"
                                               + " configured");
        }
        if (s.tlsCaFile() != null && s.tlsCaPem() != null) {
            throw new IllegalArgumentException("at most one of tlsCaFile and tlsCaPem must be configured");
        }
        if (s.tlsCertFile() != null && s.tlsCertPem() != null) {
            throw new IllegalArgumentException("at most one of tlsCertFile and tlsCertPem must be configured");
        }
        if (s.tlsKeyFile() != null && s.tlsKeyPem() != null) {
            throw new IllegalArgumentException("at most one of tlsKeyFile and tlsKeyPem must be configured");
        }
        boolean cert = s.tlsCertFile() != null || s.tlsCertPem() != null;
        boolean key = s.tlsKeyFile() != null || s.tlsKeyPem() != null;
        if (cert != key) {
            throw new IllegalArgumentException("a client certificate (tlsCertFile or tlsCertPem) needs its key"
                                               + " (tlsKeyFile or tlsKeyPem), and a key its certificate");
        }
        return s;
    }

    private List<Selector> parseSelectors() {
        List<Selector> out = new ArrayList<>();
        KubernetesRole own = KubernetesRole.of(role);
        if (blank(selectorsLabel) != null || blank(selectorsField) != null || blank(selectorsRole) != null) {
            KubernetesRole sr = blank(selectorsRole) == null ? own : KubernetesRole.of(selectorsRole);
            if (sr == null) {
                throw new IllegalArgumentException("option selectorsRole: unknown role \"" + selectorsRole + "\"");
            }
            out.add(new Selector(sr, selectorsLabel, selectorsField));
        }
        if (blank(selectors) != null) {
            Object parsed;
            try {
                parsed = Jsoner.deserialize(selectors.strip());
            } catch (DeserializationException e) {
                throw new IllegalArgumentException("option selectors must be a JSON list such as"
                                                   + " [{\"role\":\"pod\",\"field\":\"spec.nodeName=n1\"}]: "
                                                   + e.getMessage());
            }
            if (!(parsed instanceof JsonArray array)) {
                throw new IllegalArgumentException("option selectors must be a JSON list of {role, label, field}");
            }
            for (Object o : array) {
                if (!(o instanceof JsonObject obj)) {
                    throw new IllegalArgumentException("option selectors: each selector must be a map with role,"
                                                       + " label, field");
                }
                for (String k : obj.keySet()) {
                    if (!List.of("role", "label", "field").contains(k)) {
                        throw new IllegalArgumentException("option selectors: unknown field \"" + k
                                                           + "\" (role, label, field)");
                    }
                }
                Object sr = obj.get("role");
                KubernetesRole selRole = sr == null ? null : KubernetesRole.of(sr.toString());
                if (selRole == null) {
                    throw new IllegalArgumentException("option selectors: each selector needs a role (pod, service,"
                                                       + " endpoints, endpointslice, node), was " + sr);
                }
                out.add(new Selector(selRole, str(obj.get("label")), str(obj.get("field"))));
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The validated settings (after initialization). */
    KubernetesSettings settings() {
        return settings;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getApiServer() {
        return apiServer;
    }

    public void setApiServer(String apiServer) {
        this.apiServer = apiServer;
    }

    public String getKubeconfigFile() {
        return kubeconfigFile;
    }

    public void setKubeconfigFile(String kubeconfigFile) {
        this.kubeconfigFile = kubeconfigFile;
    }

    public String getNamespaces() {
        return namespaces;
    }

    public void setNamespaces(String namespaces) {
        this.namespaces = namespaces;
    }

    public boolean isNamespacesOwnNamespace() {
        return namespacesOwnNamespace;
    }

    public void setNamespacesOwnNamespace(boolean namespacesOwnNamespace) {
        this.namespacesOwnNamespace = namespacesOwnNamespace;
    }

    public String getSelectorsRole() {
        return selectorsRole;
    }

    public void setSelectorsRole(String selectorsRole) {
        this.selectorsRole = selectorsRole;
    }

    public String getSelectorsLabel() {
        return selectorsLabel;
    }

    public void setSelectorsLabel(String selectorsLabel) {
        this.selectorsLabel = selectorsLabel;
    }

    public String getSelectorsField() {
        return selectorsField;
    }

    public void setSelectorsField(String selectorsField) {
        this.selectorsField = selectorsField;
    }

    public String getSelectors() {
        return selectors;
    }

    public void setSelectors(String selectors) {
        this.selectors = selectors;
    }

    public boolean isAttachMetadataNode() {
        return attachMetadataNode;
    }

    public void setAttachMetadataNode(boolean attachMetadataNode) {
        this.attachMetadataNode = attachMetadataNode;
    }

    public boolean isAttachMetadataNamespace() {
        return attachMetadataNamespace;
    }

    public void setAttachMetadataNamespace(boolean attachMetadataNamespace) {
        this.attachMetadataNamespace = attachMetadataNamespace;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public String getBearerTokenFile() {
        return bearerTokenFile;
    }

    public void setBearerTokenFile(String bearerTokenFile) {
        this.bearerTokenFile = bearerTokenFile;
    }

    public String getBasicAuthUsername() {
        return basicAuthUsername;
    }

    public void setBasicAuthUsername(String basicAuthUsername) {
        this.basicAuthUsername = basicAuthUsername;
    }

    public String getBasicAuthPassword() {
        return basicAuthPassword;
    }

    public void setBasicAuthPassword(String basicAuthPassword) {
        this.basicAuthPassword = basicAuthPassword;
    }

    public String getBasicAuthPasswordFile() {
        return basicAuthPasswordFile;
    }

    public void setBasicAuthPasswordFile(String basicAuthPasswordFile) {
        this.basicAuthPasswordFile = basicAuthPasswordFile;
    }

    public String getTlsCaFile() {
        return tlsCaFile;
    }

    public void setTlsCaFile(String tlsCaFile) {
        this.tlsCaFile = tlsCaFile;
    }

    public String getTlsCaPem() {
        return tlsCaPem;
    }

    public void setTlsCaPem(String tlsCaPem) {
        this.tlsCaPem = tlsCaPem;
    }

    public String getTlsCertFile() {
        return tlsCertFile;
    }

    public void setTlsCertFile(String tlsCertFile) {
        this.tlsCertFile = tlsCertFile;
    }

    public String getTlsCertPem() {
        return tlsCertPem;
    }

    public void setTlsCertPem(String tlsCertPem) {
        this.tlsCertPem = tlsCertPem;
    }

    public String getTlsKeyFile() {
        return tlsKeyFile;
    }

    public void setTlsKeyFile(String tlsKeyFile) {
        this.tlsKeyFile = tlsKeyFile;
    }

    public String getTlsKeyPem() {
        return tlsKeyPem;
    }

    public void setTlsKeyPem(String tlsKeyPem) {
        this.tlsKeyPem = tlsKeyPem;
    }

    public boolean isTlsInsecureSkipVerify() {
        return tlsInsecureSkipVerify;
    }

    public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
        this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
    }

    public String getProxyUrl() {
        return proxyUrl;
    }

    public void setProxyUrl(String proxyUrl) {
        this.proxyUrl = proxyUrl;
    }

    public String getNoProxy() {
        return noProxy;
    }

    public void setNoProxy(String noProxy) {
        this.noProxy = noProxy;
    }

    public long getDebounce() {
        return debounce;
    }

    public void setDebounce(long debounce) {
        this.debounce = debounce;
    }
}
