package io.pyrocamel.receive;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pyrocamel.core.docs.ComponentDocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid options fail route start-up with a message naming them; defaults; the doc page's generated tables. */
class EndpointValidationTest {

    static Throwable startFailure(String uri) {
        CamelContext ctx = new DefaultCamelContext();
        try {
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).log("x");
                }
            });
            ctx.start();
            return null;
        } catch (Exception e) {
            return e;
        } finally {
            ctx.stop();
        }
    }

    static String rootMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "tlsCertPem=a&tlsCertFile=b&tlsKeyPem=k; tlsCertPem and tlsCertFile are mutually exclusive",
        "tlsCertPem=a&tlsKeyPem=k&tlsKeyFile=f; tlsKeyPem and tlsKeyFile are mutually exclusive",
        "tlsCertPem=a&tlsKeyPem=k&tlsClientCaPem=x&tlsClientCaFile=f; tlsClientCaPem and tlsClientCaFile",
        "tlsCertPem=a&tlsKeyPem=k&tlsClientCa=x&tlsClientCaPem=y; tlsClientCa and tlsClientCaPem",
        "tlsCertPem=a; no key",
        "tlsKeyFile=k; no certificate",
        "tlsClientAuthType=RequireAndVerifyClientCert; tlsClientAuthType needs TLS",
        "tlsCertPem=a&tlsKeyPem=k&tlsClientAuthType=Always; tlsClientAuthType: unknown value",
        "tlsCertPem=a&tlsKeyPem=k&tlsMinVersion=SSL3; tlsMinVersion",
        "listenPort=70000; listenPort 70000",
        "maxBodySize=0; maxBodySize",
        "serverReadTimeout=banana; option serverReadTimeout must be a duration >= 0",
        "serverWriteTimeout=-1s; option serverWriteTimeout must be a duration >= 0",
        "serverIdleTimeout=5x; option serverIdleTimeout must be a duration >= 0",
        "maxBodySize=12XB; maxBodySize: unknown unit",
        "tlsCertFile=/nonexistent/cert.pem&tlsKeyFile=/nonexistent/key.pem; tlsCertFile: cannot read",
        "tlsCertPem=notapem&tlsKeyPem=notakey; cannot use the TLS certificate/key" })
    void invalidOptionsFailStartUpNamingThem(String query, String message) {
        Throwable t = startFailure("pyroscope-receive-http:bad?" + (query.contains("listenPort") ? "" : "listenPort=0&")
                                   + query);
        assertThat(t).as(query).isNotNull();
        assertThat(rootMessages(t)).contains(message);
    }

    @Test
    void cipherSuiteUnknownToTheJvmFailsStartUp() throws Exception {
        TestCerts.Issued ca = TestCerts.ca("ca");
        TestCerts.Issued server = TestCerts.issue(ca, "s", true);
        CamelContext ctx = new DefaultCamelContext();
        PyroscopeReceiveHttpEndpoint ep = ctx.getEndpoint("pyroscope-receive-http:c?listenPort=0",
                PyroscopeReceiveHttpEndpoint.class);
        ep.setTlsCertPem(server.certPem());
        ep.setTlsKeyPem(server.keyPem());
        ep.setTlsCipherSuites("TLS_NOT_A_SUITE");
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ep).log("x");
            }
        });
        assertThatThrownBy(ctx::start).satisfies(e -> assertThat(rootMessages(e)).contains("tlsCipherSuites")
                .contains("TLS_NOT_A_SUITE"));
        ctx.stop();
    }

    @Test
    void defaultsAreAlloysSourceDefaults() throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            PyroscopeReceiveHttpEndpoint ep = ctx.getEndpoint("pyroscope-receive-http:d",
                    PyroscopeReceiveHttpEndpoint.class);
            ReceiveSettings s = ep.settings();
            assertThat(s.listenAddress()).isEmpty();
            assertThat(s.listenPort()).isEqualTo(8080);
            assertThat(s.connLimit()).isEqualTo(16384);
            assertThat(s.readTimeoutMs()).isEqualTo(30_000);
            assertThat(s.writeTimeoutMs()).isEqualTo(30_000);
            assertThat(s.idleTimeoutMs()).isEqualTo(120_000);
            assertThat(s.maxBodySize()).isEqualTo(64 << 20);
            assertThat(s.tls()).isNull();
            PyroscopeReceiveHttpEndpoint ep2 = ctx.getEndpoint("pyroscope-receive-http:e?maxBodySize=16MiB"
                                                               + "&serverReadTimeout=5s&connLimit=0",
                    PyroscopeReceiveHttpEndpoint.class);
            assertThat(ep2.settings().maxBodySize()).isEqualTo(16 << 20);
            assertThat(ep2.settings().readTimeoutMs()).isEqualTo(5000);
            assertThat(ep2.settings().connLimit()).isZero();
        }
    }

    @Test
    void docPageHoldsTheGeneratedTables() {
        String diff = ComponentDocs.verify(PyroscopeReceiveHttpComponent.class, "pyroscope-receive-http",
                Path.of("src/main/docs/pyroscope-receive-http-component.adoc"),
                Path.of("src/main/docs/pyroscope-receive-http-alloy-names.properties"));
        assertThat(diff).isNull();
    }
}
