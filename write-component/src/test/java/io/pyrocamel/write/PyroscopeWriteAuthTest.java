package io.pyrocamel.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.ReceivedRequest;
import io.pyrocamel.testsupport.TokenServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every authentication form, as the double sees it; files re-read on each request; OAuth2 against a token server. */
class PyroscopeWriteAuthTest {

    static PyroscopeDouble pyroscope;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDouble() {
        pyroscope = PyroscopeDouble.start();
    }

    @AfterAll
    static void stopDouble() {
        pyroscope.close();
    }

    @BeforeEach
    void reset() {
        pyroscope.reset();
    }

    private static String basic(String user, String pass) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }

    private String lastAuthorization() {
        return pyroscope.requests().get(pyroscope.requests().size() - 1).header("Authorization");
    }

    @Test
    void basicAuthWithPassword() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "basicAuthUsername=alice&basicAuthPassword=RAW(p@ss&w0rd)")) {
            assertThat(w.send(WriteHarness.cpu("a", new byte[] {1})).getException()).isNull();
            assertThat(lastAuthorization()).isEqualTo(basic("alice", "p@ss&w0rd"));
        }
    }

    @Test
    void basicAuthPasswordFileIsReadOnEveryRequest() throws Exception {
        Path f = Files.writeString(dir.resolve("password"), "first\n");
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "basicAuthUsername=bob&basicAuthPasswordFile=" + f)) {
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(lastAuthorization()).isEqualTo(basic("bob", "first"));
            Files.writeString(f, "second");
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(lastAuthorization()).isEqualTo(basic("bob", "second"));
        }
    }

    @Test
    void bearerTokenAndBearerTokenFile() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "bearerToken=tok-123")) {
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(lastAuthorization()).isEqualTo("Bearer tok-123");
        }
        Path f = Files.writeString(dir.resolve("token"), "  file-token-1 \n");
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "bearerTokenFile=" + f)) {
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(lastAuthorization()).isEqualTo("Bearer file-token-1");
            Files.writeString(f, "file-token-2");
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(lastAuthorization()).isEqualTo("Bearer file-token-2");
            // a missing file fails the attempt (retried like a transport error), and the file name is named
            Files.delete(f);
            Exchange ex = w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(ex.getException()).hasMessageContaining("unable to read bearerTokenFile " + f);
        }
    }

    @Test
    void authorizationTypeAndCredentials() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "authorizationType=Token&authorizationCredentials=abc")) {
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(lastAuthorization()).isEqualTo("Token abc");
        }
        Path f = Files.writeString(dir.resolve("creds"), "from-file\n");
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "authorizationCredentialsFile=" + f)) {
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(lastAuthorization()).as("type defaults to Bearer").isEqualTo("Bearer from-file");
        }
    }

    @Test
    void httpHeadersAndEndpointHeadersAreSent() throws Exception {
        try (WriteHarness w = WriteHarness.start(pyroscope.url(), "httpHeaders.X-Api-Key=k1&headers.X-Team=blue")) {
            w.send(WriteHarness.cpu("a", new byte[] {1}));
            ReceivedRequest r = pyroscope.requests().get(0);
            assertThat(r.header("X-Api-Key")).isEqualTo("k1");
            assertThat(r.header("X-Team")).isEqualTo("blue");
            assertThat(r.header("Authorization")).isNull();
        }
    }

    @Test
    void oauth2TokenIsFetchedCachedAndRefreshedBeforeExpiry() throws Exception {
        // expires_in 11 s: refreshed 10 s early, i.e. after about 1 s
        try (TokenServer tokens = TokenServer.start("pyro-client", "s3cret", 11);
             WriteHarness w = WriteHarness.start(pyroscope.url(), "oauth2ClientId=pyro-client&oauth2ClientSecret=s3cret"
                     + "&oauth2TokenUrl=" + tokens.tokenUrl() + "&oauth2Scopes=profiles:write,read"
                     + "&oauth2EndpointParams.audience=pyroscope")) {
            assertThat(w.send(WriteHarness.cpu("a", new byte[] {1})).getException()).isNull();
            assertThat(w.send(WriteHarness.cpu("a", new byte[] {1})).getException()).isNull();
            assertThat(tokens.issued()).as("cached").isEqualTo(1);
            assertThat(pyroscope.requests()).extracting(r -> r.header("Authorization"))
                    .containsExactly("Bearer token-1", "Bearer token-1");
            TokenServer.TokenRequest tr = tokens.requests().get(0);
            assertThat(tr.authorization()).isEqualTo(basic("pyro-client", "s3cret"));
            assertThat(tr.form()).containsEntry("grant_type", "client_credentials")
                    .containsEntry("scope", "profiles:write read").containsEntry("audience", "pyroscope");

            Thread.sleep(1_300);
            assertThat(w.send(WriteHarness.cpu("a", new byte[] {1})).getException()).isNull();
            assertThat(tokens.issued()).as("refreshed before expiry").isEqualTo(2);
            assertThat(lastAuthorization()).isEqualTo("Bearer token-2");
        }
    }

    @Test
    void oauth2FallsBackToFormCredentialsAndRereadsTheSecretFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("client-secret"), "one\n");
        try (TokenServer tokens = TokenServer.start("c", "one", 3600).paramsOnly(true);
             WriteHarness w = WriteHarness.start(pyroscope.url(), "oauth2ClientId=c&oauth2ClientSecretFile=" + secret
                     + "&oauth2TokenUrl=" + tokens.tokenUrl())) {
            assertThat(w.send(WriteHarness.cpu("a", new byte[] {1})).getException()).isNull();
            assertThat(lastAuthorization()).isEqualTo("Bearer token-1");
            assertThat(tokens.requests()).hasSize(2); // Basic refused, then client_id/client_secret in the form
            assertThat(tokens.requests().get(1).form()).containsEntry("client_id", "c");

            // a new secret in the file: the cached token is dropped and a new one fetched with the new secret
            tokens.clientSecret("two");
            Files.writeString(secret, "two");
            assertThat(w.send(WriteHarness.cpu("a", new byte[] {1})).getException()).isNull();
            assertThat(lastAuthorization()).isEqualTo("Bearer token-2");
            assertThat(tokens.requests()).hasSize(3);
        }
    }

    @Test
    void oauth2TokenEndpointRefusalFailsTheAttempt() throws Exception {
        try (TokenServer tokens = TokenServer.start("c", "right", 3600);
             WriteHarness w = WriteHarness.start(pyroscope.url(), "oauth2ClientId=c&oauth2ClientSecret=wrong"
                     + "&oauth2TokenUrl=" + tokens.tokenUrl() + "&maxBackoffRetries=1")) {
            Exchange ex = w.send(WriteHarness.cpu("a", new byte[] {1}));
            assertThat(ex.getException()).hasMessageContaining("oauth2: cannot fetch token: 401")
                    .hasMessageNotContaining("wrong");
            assertThat(pyroscope.requests()).isEmpty();
        }
    }

    @Test
    void oauth2TokenEndpointUsesItsOwnTlsAndProxyOptions() throws Exception {
        io.pyrocamel.testsupport.TestCertificates ca = io.pyrocamel.testsupport.TestCertificates.authority("oauth");
        try (TokenServer tokens = TokenServer.startTls("c", "s", 3600, ca.server());
             io.pyrocamel.testsupport.RecordingProxy proxy = io.pyrocamel.testsupport.RecordingProxy.start();
             WriteHarness w = WriteHarness.start(pyroscope.url(), "oauth2ClientId=c&oauth2ClientSecret=s"
                     + "&oauth2TokenUrl=" + tokens.tokenUrl() + "&oauth2TlsCaPem=RAW(" + ca.caPem() + ")"
                     + "&oauth2ProxyUrl=" + proxy.url() + "&oauth2ProxyConnectHeader.X-Via=token-proxy")) {
            assertThat(w.send(WriteHarness.cpu("a", new byte[] {1})).getException()).isNull();
            assertThat(lastAuthorization()).isEqualTo("Bearer token-1");
            assertThat(proxy.connects()).hasSize(1);
            assertThat(proxy.connects().get(0).target()).endsWith(":" + tokens.tokenUrl().split(":")[2]
                    .replace("/token", ""));
            assertThat(proxy.connects().get(0).header("X-Via")).isEqualTo("token-proxy");
            // the profile itself went directly to the double: the oauth2 proxy is for the token endpoint only
            assertThat(proxy.seen()).hasSize(1);
        }
    }
}
