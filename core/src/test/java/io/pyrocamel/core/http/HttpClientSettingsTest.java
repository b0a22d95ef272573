package io.pyrocamel.core.http;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one validation of the HTTP client settings, and secrets kept out of strings. */
class HttpClientSettingsTest {

    @Test
    void defaultsAreAlloys() {
        HttpClientSettings s = HttpClientSettings.defaults().validate();
        assertThat(s.followRedirects()).isTrue();
        assertThat(s.enableHttp2()).isTrue();
        assertThat(s.effectiveAuthorizationType()).isEqualTo("Bearer");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void allProblemsAreReportedAtOnceNamingTheOptions() {
        HttpClientSettings s = HttpClientSettings.builder()
                .basicAuth("u", "p", "/pw")
                .bearerToken("t", null)
                .tls(new TlsSettings("ca", "/ca", null, "/crt", null, null, false, null, null))
                .proxy(new ProxySettings(null, "10.0.0.0/8", false, Map.of("X", Secret.of("v"))))
                .httpHeader("content-type", "x")
                .build();
        List<String> p = s.problems();
        assertThat(String.join("\n", p))
                .contains("at most one of basicAuth*, authorization*, oauth2*, bearerToken & bearerTokenFile")
                .contains("at most one of basicAuthPassword & basicAuthPasswordFile")
                .contains("at most one of tlsCaPem and tlsCaFile")
                .contains("exactly one of tlsKeyPem or tlsKeyFile")
                .contains("if noProxy is configured, proxyUrl must also be configured")
                .contains("if proxyConnectHeader.* is configured")
                .contains("setting header \"Content-Type\" is not allowed");
        assertThatThrownBy(s::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid HTTP client configuration: ");
    }

    @Test
    void oauth2OptionsMakeTheBlockPresentAndAreValidated() {
        OAuth2Settings o = new OAuth2Settings(null, null, null, List.of("a"), null, Map.of(), null, null);
        assertThat(o.isConfigured()).isTrue();
        HttpClientSettings s = HttpClientSettings.builder().oauth2(o).build();
        assertThat(s.problems()).contains("oauth2ClientId must be configured",
                "either oauth2ClientSecret or oauth2ClientSecretFile must be configured",
                "oauth2TokenUrl must be configured");
        OAuth2Settings unset = new OAuth2Settings(null, null, null, null, null, null, null, null);
        assertThat(HttpClientSettings.builder().oauth2(unset).build().oauth2()).isNull();
    }

    @Test
    void reservedHeadersAreCaseInsensitive() {
        for (String h : List.of("authorization", "HOST", "x-prometheus-remote-write-version", "X-Amz-Date",
                "Accept-Encoding")) {
            assertThat(HttpClientSettings.builder().httpHeader(h, "v").build().problems()).as(h).hasSize(1);
        }
        assertThat(HttpClientSettings.builder().httpHeader("X-Scope-OrgID", "t").build().problems()).isEmpty();
    }

    @Test
    void toStringNeverShowsSecrets() {
        HttpClientSettings s = HttpClientSettings.builder()
                .basicAuth("user", "pw-SECRET", null)
                .oauth2(new OAuth2Settings("id", Secret.of("cs-SECRET"), null, List.of(), "http://t", Map.of(),
                        new ProxySettings(Secret.of("http://u:px-SECRET@p:1"), null, false, Map.of()),
                        new TlsSettings(null, null, null, null, Secret.of("key-SECRET"), null, false, null, null)))
                .httpHeader("X-Key", "hdr-SECRET")
                .tls(new TlsSettings(null, null, "c", null, Secret.of("k-SECRET"), null, false, null, null))
                .build();
        assertThat(s.toString()).doesNotContain("SECRET").contains("user").contains("X-Key");
        assertThat(Secret.of("abc").toString()).isEqualTo("<secret>");
        assertThat(Secret.of("")).isNull();
    }

    @Test
    void canonicalHeaderKeyIsGos() {
        assertThat(HttpClientSettings.canonical("x-scope-orgid")).isEqualTo("X-Scope-Orgid");
        assertThat(HttpClientSettings.canonical("WWW-AUTHENTICATE")).isEqualTo("Www-Authenticate");
    }

    @Test
    void tlsMinVersionParsing() {
        assertThat(TlsVersion.parse("tls13", "tlsMinVersion")).isEqualTo(TlsVersion.TLS13);
        assertThat(TlsVersion.parse("", "tlsMinVersion")).isNull();
        assertThatThrownBy(() -> TlsVersion.parse("SSL3", "tlsMinVersion")).hasMessageContaining("tlsMinVersion=SSL3");
    }

    @Test
    void oauth2TokenTypesAreNormalizedAsGo() {
        assertThat(OAuth2TokenSource.type("bearer")).isEqualTo("Bearer");
        assertThat(OAuth2TokenSource.type("")).isEqualTo("Bearer");
        assertThat(OAuth2TokenSource.type("MAC")).isEqualTo("MAC");
        assertThat(OAuth2TokenSource.type("DPoP")).isEqualTo("DPoP");
    }
}
