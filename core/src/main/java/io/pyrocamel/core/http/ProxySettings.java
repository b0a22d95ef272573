package io.pyrocamel.core.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alloy's proxy arguments ({@code proxy_url}, {@code no_proxy}, {@code proxy_from_environment},
 * {@code proxy_connect_header}).
 *
 * @param proxyUrl             proxy for every request ({@code http://[user:password@]host:port}); secret because it
 *                             may hold credentials
 * @param noProxy              comma-separated IPs, CIDRs, domains (with optional port) that bypass {@code proxyUrl}
 * @param proxyFromEnvironment use HTTP_PROXY / HTTPS_PROXY / NO_PROXY (upper or lower case)
 * @param connectHeaders       headers sent to the proxy on CONNECT (values are secrets)
 */
public record ProxySettings(Secret proxyUrl, String noProxy, boolean proxyFromEnvironment,
                            Map<String, Secret> connectHeaders) {

    public static final ProxySettings NONE = new ProxySettings(null, null, false, Map.of());

    public ProxySettings {
        noProxy = TlsSettings.blankToNull(noProxy);
        connectHeaders = connectHeaders == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(connectHeaders));
    }

    public boolean isDefault() {
        return proxyUrl == null && noProxy == null && !proxyFromEnvironment && connectHeaders.isEmpty();
    }

    /** Adds the rules of Alloy's {@code ProxyConfig.Validate} (and what this client cannot honour) to {@code errors}. */
    void validate(String prefix, List<String> errors) {
        String url = OptionNames.of(prefix, "proxyUrl");
        String no = OptionNames.of(prefix, "noProxy");
        String env = OptionNames.of(prefix, "proxyFromEnvironment");
        String connect = OptionNames.of(prefix, "proxyConnectHeader");
        if (!connectHeaders.isEmpty() && !proxyFromEnvironment && proxyUrl == null) {
            errors.add("if " + connect + ".* is configured, " + url + " or " + env + " must also be configured");
        }
        if (proxyFromEnvironment && proxyUrl != null) {
            errors.add("if " + env + " is configured, " + url + " must not be configured");
        }
        if (proxyFromEnvironment && noProxy != null) {
            errors.add("if " + env + " is configured, " + no + " must not be configured");
        }
        if (proxyUrl == null && noProxy != null) {
            errors.add("if " + no + " is configured, " + url + " must also be configured");
        }
        if (proxyUrl != null) {
            String problem = checkProxyUrl(proxyUrl.reveal());
            if (problem != null) {
                errors.add(url + " " + problem);
            }
        }
    }

    /**
     * Parses a proxy URL as Go does (a value without scheme gets {@code http://}). Returns {@code null} when it is
     * usable, else the reason (credentials are never part of the reason).
     */
    static String checkProxyUrl(String value) {
        URI uri = parseProxyUrl(value);
        if (uri == null) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http")) {
            return "uses scheme " + scheme + "://, which this HTTP client cannot use for a proxy: only http:// proxies"
                   + " (with CONNECT for https targets) are supported";
        }
        return null;
    }

    /** The proxy URL with Go's rule (no scheme or host → try {@code http://} + value); {@code null} if unusable. */
    static URI parseProxyUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri = tryParse(value.strip());
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            uri = tryParse("http://" + value.strip());
        }
        return uri == null || uri.getHost() == null ? null : uri;
    }

    private static URI tryParse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ProxySettings[proxyUrl=" + (proxyUrl == null ? null : "<secret>") + ", noProxy=" + noProxy
               + ", proxyFromEnvironment=" + proxyFromEnvironment + ", connectHeaders=" + connectHeaders.keySet() + "]";
    }
}
