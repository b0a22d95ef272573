package io.pyrocamel.write;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.ReceivedRequest;
import io.pyrocamel.testsupport.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS with certificates made in the test: server-only, mutual, wrong CA, server name, insecure, HTTP/2 on/off. */
class PyroscopeWriteTlsTest {

    static TestCertificates ca;
    static TestCertificates otherCa;
    static PyroscopeDouble serverTls;
    static PyroscopeDouble mutualTls;
    static PyroscopeDouble namedOnly;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ca = TestCertificates.authority("pyro");
        otherCa = TestCertificates.authority("other");
        serverTls = PyroscopeDouble.builder().tls(ca.server()).start();
        mutualTls = PyroscopeDouble.builder().tls(ca.server()).requireClientCertificate(ca).start();
        namedOnly = PyroscopeDouble.builder().tls(ca.serverOnly("pyroscope.test")).start();
    }

    @AfterAll
    static void stop() {
        serverTls.close();
        mutualTls.close();
        namedOnly.close();
    }

    private static String enc(String s) {
        return "RAW(" + s + ")";
    }

    @Test
    void serverTlsWithCaPemAndHttp2Negotiated() throws Exception {
        serverTls.reset();
        try (WriteHarness w = WriteHarness.start(serverTls.url(), "tlsCaPem=" + enc(ca.caPem()))) {
            Exchange ex = w.send(WriteHarness.cpu("tls", new byte[] {1}));
            assertThat(ex.getException()).isNull();
            ReceivedRequest r = serverTls.accepted().get(0);
            assertThat(r.protocol()).isEqualTo("HTTP/2.0");
            assertThat(r.sniNames()).as("no SNI for an IP literal, as Go").isEmpty();
        }
    }

    @Test
    void enableHttp2FalseKeepsHttp11() throws Exception {
        serverTls.reset();
        Path caFile = ca.writeCa(dir);
        try (WriteHarness w = WriteHarness.start(serverTls.url(), "tlsCaFile=" + caFile + "&enableHttp2=false")) {
            assertThat(w.send(WriteHarness.cpu("tls", new byte[] {1})).getException()).isNull();
            assertThat(serverTls.accepted().get(0).protocol()).isEqualTo("HTTP/1.1");
        }
    }

    @Test
    void wrongCaFails() throws Exception {
        serverTls.reset();
        try (WriteHarness w = WriteHarness.start(serverTls.url(), "tlsCaPem=" + enc(otherCa.caPem())
                                                                 + "&maxBackoffRetries=1")) {
            Exchange ex = w.send(WriteHarness.cpu("tls", new byte[] {1}));
            assertThat(ex.getException()).isInstanceOf(PyroscopeWriteException.class)
                    .hasMessageContaining("unavailable: SSLHandshakeException");
            assertThat(serverTls.requests()).isEmpty();
        }
        // the JVM's default trust store does not know the test CA either
        try (WriteHarness w = WriteHarness.start(serverTls.url(), "maxBackoffRetries=1")) {
            assertThat(w.send(WriteHarness.cpu("tls", new byte[] {1})).getException())
                    .hasMessageContaining("SSLHandshakeException");
        }
    }

    @Test
    void insecureSkipVerifyAcceptsAnUnknownCa() throws Exception {
        serverTls.reset();
        try (WriteHarness w = WriteHarness.start(serverTls.url(), "tlsInsecureSkipVerify=true")) {
            assertThat(w.send(WriteHarness.cpu("tls", new byte[] {1})).getException()).isNull();
        }
    }

    @Test
    void mutualTlsWithPemAndWithFiles() throws Exception {
        mutualTls.reset();
        TestCertificates.Issued client = ca.client("writer");
        try (WriteHarness w = WriteHarness.start(mutualTls.url(), "tlsCaPem=" + enc(ca.caPem()) + "&tlsCertPem="
                + enc(client.certPem()) + "&tlsKeyPem=" + enc(client.keyPem()))) {
            assertThat(w.send(WriteHarness.cpu("mtls", new byte[] {1})).getException()).isNull();
            assertThat(mutualTls.accepted().get(0).clientCerts().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=writer");
        }
        // files, with an RSA key in PKCS#1 form
        TestCertificates.Issued rsa = ca.clientRsa("writer-rsa");
        Path crt = Files.writeString(dir.resolve("c.crt"), rsa.certPem());
        Path key = Files.writeString(dir.resolve("c.key"), rsa.keyPemTraditional());
        assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        try (WriteHarness w = WriteHarness.start(mutualTls.url(), "tlsCaFile=" + ca.writeCa(dir) + "&tlsCertFile=" + crt
                                                                  + "&tlsKeyFile=" + key)) {
            assertThat(w.send(WriteHarness.cpu("mtls", new byte[] {1})).getException()).isNull();
            assertThat(mutualTls.accepted().get(1).clientCerts().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=writer-rsa");
        }
        // EC key in SEC1 form
        try (WriteHarness w = WriteHarness.start(mutualTls.url(), "tlsCaPem=" + enc(ca.caPem()) + "&tlsCertPem="
                + enc(client.certPem()) + "&tlsKeyPem=" + enc(client.keyPemTraditional()))) {
            assertThat(w.send(WriteHarness.cpu("mtls", new byte[] {1})).getException()).isNull();
        }
    }

    @Test
    void mutualTlsWithoutClientCertificateFails() throws Exception {
        try (WriteHarness w = WriteHarness.start(mutualTls.url(), "tlsCaPem=" + enc(ca.caPem())
                                                                  + "&maxBackoffRetries=1")) {
            Exchange ex = w.send(WriteHarness.cpu("mtls", new byte[] {1}));
            assertThat(ex.getException()).isInstanceOf(PyroscopeWriteException.class)
                    .hasMessageContaining("unavailable");
        }
    }

    @Test
    void serverNameIsSentAsSniAndVerified() throws Exception {
        namedOnly.reset();
        // the certificate names only pyroscope.test; the URL is 127.0.0.1
        try (WriteHarness w = WriteHarness.start(namedOnly.url(), "tlsCaPem=" + enc(ca.caPem())
                                                                  + "&maxBackoffRetries=1")) {
            assertThat(w.send(WriteHarness.cpu("sni", new byte[] {1})).getException())
                    .as("name mismatch without tlsServerName").hasMessageContaining("SSL");
        }
        try (WriteHarness w = WriteHarness.start(namedOnly.url(), "tlsCaPem=" + enc(ca.caPem())
                                                                  + "&tlsServerName=pyroscope.test")) {
            assertThat(w.send(WriteHarness.cpu("sni", new byte[] {1})).getException()).isNull();
            assertThat(namedOnly.accepted().get(0).sniNames()).containsExactly("pyroscope.test");
        }
    }

    @Test
    void sslContextParametersFromCamel() throws Exception {
        serverTls.reset();
        Path ts = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(ts)) {
            ca.trustStore().store(out, TestCertificates.password());
        }
        KeyStoreParameters ksp = new KeyStoreParameters();
        ksp.setResource("file:" + ts);
        ksp.setPassword(new String(TestCertificates.password()));
        ksp.setType("PKCS12");
        TrustManagersParameters tmp = new TrustManagersParameters();
        tmp.setKeyStore(ksp);
        SSLContextParameters scp = new SSLContextParameters();
        scp.setTrustManagers(tmp);
        try (WriteHarness w = WriteHarness.start(serverTls.url(), "sslContextParameters=#scp", Map.of("scp", scp))) {
            assertThat(w.send(WriteHarness.cpu("scp", new byte[] {1})).getException()).isNull();
            assertThat(serverTls.accepted()).hasSize(1);
        }
    }

    @Test
    void cleartextStaysHttp11EvenWhenTheServerSpeaksH2c() throws Exception {
        try (PyroscopeDouble h2c = PyroscopeDouble.builder().http2(true).start();
             WriteHarness w = WriteHarness.start(h2c.url(), "enableHttp2=true")) {
            assertThat(w.send(WriteHarness.cpu("h2c", new byte[] {1})).getException()).isNull();
            assertThat(h2c.accepted().get(0).protocol()).isEqualTo("HTTP/1.1");
        }
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
