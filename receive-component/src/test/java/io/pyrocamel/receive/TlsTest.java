package io.pyrocamel.receive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server TLS and every client authentication type, with certificates made in the test; h2 over ALPN. */
class TlsTest {

    static TestCerts.Issued ca;
    static TestCerts.Issued server;
    static TestCerts.Issued client;
    static TestCerts.Issued rogue;

    @BeforeAll
    static void certs() throws Exception {
        ca = TestCerts.ca("test-ca");
        server = TestCerts.issue(ca, "receiver", true);
        client = TestCerts.issue(ca, "client", false);
        TestCerts.Issued otherCa = TestCerts.ca("rogue-ca");
        rogue = TestCerts.issue(otherCa, "rogue", false);
    }

    record Running(CamelContext context, int port) implements AutoCloseable {
        @Override
        public void close() {
            context.stop();
        }
    }

    static Running start(Consumer<PyroscopeReceiveHttpEndpoint> config) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        PyroscopeReceiveHttpEndpoint ep = ctx.getEndpoint("pyroscope-receive-http:tls?listenPort=0",
                PyroscopeReceiveHttpEndpoint.class);
        config.accept(ep);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ep).routeId("r").log("${body}");
            }
        });
        ctx.start();
        return new Running(ctx, ((PyroscopeReceiveHttpConsumer) ctx.getRoute("r").getConsumer()).getListenPort());
    }

    static HttpResponse<String> send(int port, TestCerts.Issued clientCert, HttpClient.Version version)
            throws Exception {
        HttpClient c = HttpClient.newBuilder().sslContext(TestCerts.clientContext(ca, clientCert)).version(version)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return c.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/ingest?name=tls&format=pprof"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Profiles.cpuPprofGzip())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serverTlsFromFilesServesHttp11AndH2(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("server.crt"), server.certPem());
        Path key = Files.writeString(dir.resolve("server.key"), server.keyPem());
        try (Running r = start(ep -> {
            ep.setTlsCertFile(cert.toString());
            ep.setTlsKeyFile(key.toString());
        })) {
            HttpResponse<String> h1 = send(r.port(), null, HttpClient.Version.HTTP_1_1);
            assertThat(h1.statusCode()).isEqualTo(200);
            assertThat(h1.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            HttpResponse<String> h2 = send(r.port(), null, HttpClient.Version.HTTP_2);
            assertThat(h2.statusCode()).as(h2.body()).isEqualTo(200);
            assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        }
    }

    @ParameterizedTest(name = "{0}: none={1} trusted={2} untrusted={3}")
    @CsvSource({
        "NoClientCert,               ok,   ok,   ok",
        "RequestClientCert,          ok,   ok,   ok",
        "RequireAnyClientCert,       fail, ok,   ok",
        "VerifyClientCertIfGiven,    ok,   ok,   fail",
        "RequireAndVerifyClientCert, fail, ok,   fail" })
    void clientAuthTypes(String type, String none, String trusted, String untrusted) throws Exception {
        try (Running r = start(ep -> {
            ep.setTlsCertPem(server.certPem());
            ep.setTlsKeyPem(server.keyPem());
            ep.setTlsClientAuthType(type);
            ep.setTlsClientCa(ca.certPem());
        })) {
            expect(r.port(), null, none);
            expect(r.port(), client, trusted);
            expect(r.port(), rogue, untrusted);
        }
    }

    static void expect(int port, TestCerts.Issued cert, String outcome) throws Exception {
        if (outcome.equals("ok")) {
            assertThat(send(port, cert, HttpClient.Version.HTTP_1_1).statusCode()).isEqualTo(200);
        } else {
            assertThatThrownBy(() -> send(port, cert, HttpClient.Version.HTTP_1_1))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void tls12WithChosenCipherSuite() throws Exception {
        try (Running r = start(ep -> {
            ep.setTlsCertPem(server.certPem());
            ep.setTlsKeyPem(server.keyPem());
            ep.setTlsMinVersion("TLS12");
            ep.setTlsCipherSuites("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        })) {
            assertThat(send(r.port(), null, HttpClient.Version.HTTP_1_1).statusCode()).isEqualTo(200);
        }
    }
}
