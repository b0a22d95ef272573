package io.pyrocamel.core.http;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Go's proxy selection (http.ProxyURL, x/net/http/httpproxy) as Alloy uses it. */
class ProxySelectionTest {

    private static final String PROXY = "http://proxy.example:3128";

    private static ProxySettings proxy(String noProxy) {
        return new ProxySettings(Secret.of(PROXY), noProxy, false, Map.of());
    }

    @Test
    void proxyUrlAloneProxiesEverythingEvenLoopback() {
        ProxySelection s = ProxySelection.of(proxy(null));
        assertThat(s.proxyFor("http", "127.0.0.1", 4040)).isEqualTo(URI.create(PROXY));
        assertThat(s.proxyFor("https", "localhost", -1)).isEqualTo(URI.create(PROXY));
    }

    @ParameterizedTest(name = "noProxy={0} {1}:{2} -> proxied={3}")
    @CsvSource(delimiter = '|', value = {
        // loopback and localhost never use the proxy once rules apply
        "example.com      | 127.0.0.1           | 80   | false",
        "example.com      | localhost           | 80   | false",
        "example.com      | ::1                 | 80   | false",
        // domains: bare name matches itself and subdomains
        "example.com      | example.com         | 80   | false",
        "example.com      | api.example.com     | 443  | false",
        "example.com      | notexample.com      | 80   | true",
        // leading dot and *. : subdomains only
        ".example.com     | example.com         | 80   | true",
        ".example.com     | a.example.com       | 80   | false",
        "*.example.com    | a.b.example.com     | 80   | false",
        "*.example.com    | example.com         | 80   | true",
        // ports
        "example.com:8080 | example.com         | 8080 | false",
        "example.com:8080 | example.com         | 80   | true",
        "10.1.2.3:4040    | 10.1.2.3            | 4040 | false",
        "10.1.2.3:4040    | 10.1.2.3            | 4041 | true",
        // IPs and CIDRs
        "10.1.2.3         | 10.1.2.3            | 1    | false",
        "10.0.0.0/8       | 10.200.3.4          | 80   | false",
        "10.0.0.0/8       | 11.0.0.1            | 80   | true",
        "192.168.0.0/16   | 192.168.7.7         | 443  | false",
        "fd00::/8         | fd12::1             | 443  | false",
        "fd00::/8         | fe80::1             | 443  | true",
        "[2001:db8::1]:443| 2001:db8::1         | 443  | false",
        // case, spaces, several entries, star
        " Example.COM , 10.0.0.0/8 | API.example.com | 80 | false",
        "*                | anything.test       | 80   | false",
        "a.test,,b.test   | c.test              | 80   | true",
    })
    void noProxyRules(String noProxy, String host, int port, boolean proxied) {
        ProxySelection s = ProxySelection.of(proxy(noProxy));
        assertThat(s.proxyFor("http", host.strip(), port) != null).isEqualTo(proxied);
    }

    @Test
    void defaultPortsAreUsedForPortRules() {
        ProxySelection s = ProxySelection.of(proxy("example.com:443"));
        assertThat(s.proxyFor("https", "example.com", -1)).isNull();
        assertThat(s.proxyFor("http", "example.com", -1)).isNotNull();
    }

    @Test
    void environmentUsesTheVariableOfTheSchemeUpperCaseFirst() {
        ProxySettings env = new ProxySettings(null, null, true, Map.of());
        ProxySelection s = ProxySelection.of(env, Map.of("HTTP_PROXY", "http://h1:1", "http_proxy", "http://lower:1",
                "https_proxy", "h2:2", "no_proxy", ".internal"));
        assertThat(s.proxyFor("http", "a.com", 80)).isEqualTo(URI.create("http://h1:1"));
        assertThat(s.proxyFor("https", "a.com", 443)).as("no scheme: http:// added, as Go")
                .isEqualTo(URI.create("http://h2:2"));
        assertThat(s.proxyFor("https", "x.internal", 443)).isNull();
        assertThat(ProxySelection.of(env, Map.of()).mayUseProxy()).isFalse();
        assertThat(ProxySelection.of(env, Map.of("https_proxy", "http://p:1")).proxyFor("http", "a.com", 80))
                .as("no HTTP_PROXY: http goes direct").isNull();
    }

    @Test
    void unusableEnvironmentProxyFailsWithoutShowingCredentials() {
        ProxySettings env = new ProxySettings(null, null, true, Map.of());
        assertThatThrownBy(() -> ProxySelection.of(env, Map.of("HTTPS_PROXY", "socks5://u:pw@p:1080")))
                .hasMessageContaining("HTTPS_PROXY").hasMessageContaining("socks5").hasMessageNotContaining("pw");
    }
}
