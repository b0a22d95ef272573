package io.pyrocamel.receive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * Builds the server's Netty {@link SslContext} from {@link TlsSettings}: certificate and key from PEM text or files,
 * Go's client authentication types, lowest version, cipher suites, and ALPN offering {@code h2} and {@code http/1.1}
 * (as Go's server does).
 */
final class ServerTls {

    private static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
    private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    private ServerTls() {
    }

    static SslContext build(String where, TlsSettings t) {
        byte[] cert = pem(where, "tlsCertPem", t.certPem(), "tlsCertFile", t.certFile());
        byte[] key = pem(where, "tlsKeyPem", t.keyPem(), "tlsKeyFile", t.keyFile());
        SslContextBuilder b;
        try {
            b = SslContextBuilder.forServer(new ByteArrayInputStream(cert), new ByteArrayInputStream(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "cannot use the TLS certificate/key (" + source(t) + "): "
                                               + rootMessage(e)
                                               + " (keys must be unencrypted PEM; PKCS#1 and EC keys need"
                                               + " BouncyCastle, or convert with: openssl pkcs8 -topk8 -nocrypt)", e);
        }
        b.sslProvider(SslProvider.JDK);
        b.protocols(protocolsFrom(t.minVersion()));
        ClientAuthType auth = t.clientAuth();
        b.clientAuth(auth.requires() ? ClientAuth.REQUIRE : auth.requests() ? ClientAuth.OPTIONAL : ClientAuth.NONE);
        if (auth.requests() && !auth.verifies()) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (auth.verifies() && t.hasClientCa()) {
            byte[] ca = pem(where, "tlsClientCaPem", t.clientCaPem(), "tlsClientCaFile", t.clientCaFile());
            try {
                b.trustManager(new ByteArrayInputStream(ca));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "cannot read the client CA: " + rootMessage(e), e);
            }
        }
        if (!t.cipherSuites().isEmpty()) {
            b.ciphers(cipherSuites(where, t.cipherSuites()));
        }
        b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "cannot set up TLS (" + source(t) + "): " + rootMessage(e), e);
        }
    }

    static String[] protocolsFrom(String min) {
        int idx = VERSIONS.indexOf(min);
        return VERSIONS.subList(0, idx + 1).toArray(new String[0]);
    }

    private static List<String> cipherSuites(String where, List<String> wanted) {
        Set<String> supported;
        try {
            supported = new LinkedHashSet<>(Arrays.asList(
                    SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default SSLContext", e);
        }
        List<String> out = new ArrayList<>();
        for (String s : TLS13_SUITES) {
            if (supported.contains(s)) {
                out.add(s);
            }
        }
        for (String s : wanted) {
            if (!supported.contains(s)) {
                throw new IllegalArgumentException(where + "tlsCipherSuites: \"" + s + "\" is not a cipher suite this"
                                                   + " JVM supports");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static byte[] pem(String where, String pemOption, String pem, String fileOption, String file) {
        if (pem != null) {
            return pem.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(where + fileOption + ": cannot read \"" + file + "\": " + e, e);
        }
    }

    private static String source(TlsSettings t) {
        return (t.certFile() != null ? "tlsCertFile " + t.certFile() : "tlsCertPem") + ", "
               + (t.keyFile() != null ? "tlsKeyFile " + t.keyFile() : "tlsKeyPem");
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }
}
