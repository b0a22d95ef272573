package io.pyrocamel.core.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alloy's {@code oauth2} block: the client-credentials grant, with its own proxy and TLS settings for the token
 * endpoint.
 *
 * @param clientId         {@code client_id}
 * @param clientSecret     {@code client_secret}
 * @param clientSecretFile {@code client_secret_file}, read on every request
 * @param scopes           {@code scopes}
 * @param tokenUrl         {@code token_url}
 * @param endpointParams   {@code endpoint_params}: extra form parameters of the token request
 * @param proxy            proxy for the token endpoint
 * @param tls              TLS for the token endpoint
 */
public record OAuth2Settings(String clientId, Secret clientSecret, String clientSecretFile, List<String> scopes,
                             String tokenUrl, Map<String, String> endpointParams, ProxySettings proxy,
                             TlsSettings tls) {

    public OAuth2Settings {
        clientId = TlsSettings.blankToNull(clientId);
        clientSecretFile = TlsSettings.blankToNull(clientSecretFile);
        tokenUrl = TlsSettings.blankToNull(tokenUrl);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        endpointParams = endpointParams == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(endpointParams));
        proxy = proxy == null ? ProxySettings.NONE : proxy;
        tls = tls == null ? TlsSettings.NONE : tls;
    }

    /** True when any oauth2 option is set (Alloy: the block is present). */
    public boolean isConfigured() {
        return clientId != null || clientSecret != null || clientSecretFile != null || !scopes.isEmpty()
               || tokenUrl != null || !endpointParams.isEmpty() || !proxy.isDefault() || !tls.isDefault();
    }

    public SecretSource clientSecretSource() {
        return SecretSource.of(clientSecret, clientSecretFile, "oauth2ClientSecretFile");
    }

    /** Adds the rules of Alloy's {@code OAuth2Config.Validate} to {@code errors}. */
    void validate(List<String> errors) {
        if (clientId == null) {
            errors.add("oauth2ClientId must be configured");
        }
        if (clientSecret == null && clientSecretFile == null) {
            errors.add("either oauth2ClientSecret or oauth2ClientSecretFile must be configured");
        }
        if (tokenUrl == null) {
            errors.add("oauth2TokenUrl must be configured");
        } else if (!tokenUrl.startsWith("http://") && !tokenUrl.startsWith("https://")) {
            errors.add("oauth2TokenUrl must be an http:// or https:// URL");
        }
        if (clientSecret != null && clientSecretFile != null) {
            errors.add("at most one of oauth2ClientSecret & oauth2ClientSecretFile must be configured");
        }
        proxy.validate("oauth2", errors);
        tls.validate("oauth2Tls", errors);
    }

    @Override
    public String toString() {
        return "OAuth2Settings[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? null : "<secret>")
               + ", clientSecretFile=" + clientSecretFile + ", scopes=" + scopes + ", tokenUrl=" + tokenUrl
               + ", endpointParams=" + endpointParams.keySet() + ", proxy=" + proxy + ", tls=" + tls + "]";
    }
}
