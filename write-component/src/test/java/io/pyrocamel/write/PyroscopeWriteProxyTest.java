package io.pyrocamel.write;

import java.net.InetAddress;
import java.util.Base64;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.RecordingProxy;
import io.pyrocamel.testsupport.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/** Proxies: plain forwarding, CONNECT with its headers and credentials, noProxy bypass. */
class PyroscopeWriteProxyTest {

    static TestCertificates ca;
    static PyroscopeDouble plain;
    static PyroscopeDouble tls;
    static RecordingProxy proxy;

    @BeforeAll
    static void start() {
        ca = TestCertificates.authority("proxy-test");
        plain = PyroscopeDouble.start();
        tls = PyroscopeDouble.builder().tls(ca.server("ingester.test")).start();
        proxy = RecordingProxy.start().map("ingester.test", "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        plain.close();
        tls.close();
        proxy.close();
    }

    @BeforeEach
    void reset() {
        plain.reset();
        tls.reset();
    }

    /** Resolves the test-only name ingester.test to loopback (for direct, bypassing connections). */
    static final DnsResolver DNS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            if (host.equals("ingester.test")) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            return SystemDefaultDnsResolver.INSTANCE.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws java.net.UnknownHostException {
            return host;
        }
    };

    @Test
    void plainHttpGoesThroughTheProxyWithItsCredentials() throws Exception {
        int before = proxy.seen().size();
        try (WriteHarness w = WriteHarness.start(plain.url(), "proxyUrl=RAW(http://pu:pp@127.0.0.1:" + proxy.port()
                                                              + ")")) {
            assertThat(w.send(WriteHarness.cpu("p", new byte[] {1})).getException()).isNull();
        }
        RecordingProxy.Seen s = proxy.seen().get(before);
        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.target()).isEqualTo(plain.url() + "/push.v1.PusherService/Push");
        assertThat(s.header("Proxy-Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                "pu:pp".getBytes()));
        assertThat(plain.accepted()).hasSize(1);
        assertThat(plain.accepted().get(0).header("Proxy-Authorization")).isNull();
    }

    @Test
    void httpsIsTunnelledWithConnectHeaders() throws Exception {
        int before = proxy.connects().size();
        String url = "https://ingester.test:" + tls.port();
        try (WriteHarness w = WriteHarness.start(url, "proxyUrl=" + proxy.url()
                + "&proxyConnectHeader.X-Proxy-Token=RAW(pt-1)&tlsCaPem=RAW(" + ca.caPem() + ")")) {
            assertThat(w.send(WriteHarness.cpu("p", new byte[] {1})).getException()).isNull();
        }
        RecordingProxy.Seen c = proxy.connects().get(before);
        assertThat(c.target()).isEqualTo("ingester.test:" + tls.port());
        assertThat(c.header("X-Proxy-Token")).isEqualTo("pt-1");
        assertThat(tls.accepted()).hasSize(1);
        assertThat(tls.accepted().get(0).protocol()).as("HTTP/2 through the tunnel").isEqualTo("HTTP/2.0");
        assertThat(tls.accepted().get(0).sniNames()).containsExactly("ingester.test");
        assertThat(tls.accepted().get(0).header("X-Proxy-Token")).isNull();
    }

    @Test
    void noProxyBypassesTheProxyForMatchingHostsOnly() throws Exception {
        String url = "https://ingester.test:" + tls.port();
        String common = "&tlsCaPem=RAW(" + ca.caPem() + ")&dnsResolver=#dns";
        // a non-matching entry: still proxied
        int before = proxy.connects().size();
        try (WriteHarness w = WriteHarness.start(url, "proxyUrl=" + proxy.url() + "&noProxy=example.com,10.0.0.0/8"
                                                      + common, Map.of("dns", DNS))) {
            assertThat(w.send(WriteHarness.cpu("p", new byte[] {1})).getException()).isNull();
        }
        assertThat(proxy.connects()).hasSize(before + 1);
        // a matching domain suffix: direct
        try (WriteHarness w = WriteHarness.start(url, "proxyUrl=" + proxy.url() + "&noProxy=.test" + common,
                Map.of("dns", DNS))) {
            assertThat(w.send(WriteHarness.cpu("p", new byte[] {1})).getException()).isNull();
        }
        assertThat(proxy.connects()).as("not proxied").hasSize(before + 1);
        // host:port entry matching the port: direct
        try (WriteHarness w = WriteHarness.start(url, "proxyUrl=" + proxy.url() + "&noProxy=ingester.test:"
                                                      + tls.port() + common, Map.of("dns", DNS))) {
            assertThat(w.send(WriteHarness.cpu("p", new byte[] {1})).getException()).isNull();
        }
        assertThat(proxy.connects()).hasSize(before + 1);
        assertThat(tls.accepted()).hasSize(3);
    }
}
