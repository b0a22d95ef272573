package io.pyrocamel.core.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the TLS side of a client from {@link TlsSettings}: the SSLContext (CA from PEM/file replacing the JVM trust
 * store, as Go's {@code RootCAs}; client certificate and key; or trust-all for {@code insecureSkipVerify}), the
 * enabled protocols from {@code minVersion} (TLS 1.2 by default, TLS 1.3 max, as Go), and an httpclient5
 * {@link TlsStrategy} that sends {@code serverName} as SNI and verifies the certificate against it.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** The SSLContext for the settings (prefix names the options in errors, e.g. {@code tls} or {@code oauth2Tls}). */
    public static SSLContext sslContext(TlsSettings tls, String prefix) {
        try {
            TrustManager[] tms = null;
            if (tls.insecureSkipVerify()) {
                tms = new TrustManager[] {new TrustAll()};
            } else if (tls.caPem() != null || tls.caFile() != null) {
                String pem = tls.caPem() != null ? tls.caPem()
                        : Pem.readFile(tls.caFile(), OptionNames.of(prefix, "caFile"));
                String opt = OptionNames.of(prefix, tls.caPem() != null ? "caPem" : "caFile");
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                int i = 0;
                for (X509Certificate c : Pem.certificates(pem, opt)) {
                    ks.setCertificateEntry("ca-" + i++, c);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                tms = tmf.getTrustManagers();
            }
            KeyManager[] kms = null;
            if (tls.hasClientCertificate()) {
                String certOpt = OptionNames.of(prefix, tls.certPem() != null ? "certPem" : "certFile");
                String keyOpt = OptionNames.of(prefix, tls.keyPem() != null ? "keyPem" : "keyFile");
                String certPem = tls.certPem() != null ? tls.certPem() : Pem.readFile(tls.certFile(), certOpt);
                String keyPem = tls.keyPem() != null ? tls.keyPem().reveal() : Pem.readFile(tls.keyFile(), keyOpt);
                List<X509Certificate> chain = Pem.certificates(certPem, certOpt);
                PrivateKey key = Pem.privateKey(keyPem, keyOpt);
                if (!key.getAlgorithm().equals(chain.get(0).getPublicKey().getAlgorithm())) {
                    throw new IllegalArgumentException(keyOpt + " does not match " + certOpt + ": key algorithm "
                                                       + key.getAlgorithm() + ", certificate key algorithm "
                                                       + chain.get(0).getPublicKey().getAlgorithm());
                }
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                char[] pw = "pyrocamel".toCharArray();
                ks.setKeyEntry("client", key, pw, chain.toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                kms = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, tms, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot set up TLS from the " + prefix + "* options: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The protocols to enable for {@code minVersion} (default TLS 1.2) up to TLS 1.3, or {@code null} to keep the
     * SSLContext's own choice (a context given by {@code sslContextParameters}).
     *
     * @throws IllegalArgumentException when the JVM cannot negotiate the minimum version asked for (TLS 1.0/1.1 are
     *                                  disabled by {@code jdk.tls.disabledAlgorithms} in current JDKs)
     */
    public static String[] protocols(TlsVersion minVersion, SSLContext ctx, String option) {
        TlsVersion min = minVersion == null ? TlsVersion.TLS12 : minVersion;
        List<String> usable = Arrays.asList(ctx.getDefaultSSLParameters().getProtocols());
        List<String> enabled = new ArrayList<>();
        for (TlsVersion v : TlsVersion.values()) {
            if (v.compareTo(min) >= 0) {
                if (!usable.contains(v.protocol())) {
                    if (v == TlsVersion.TLS13 && min != TlsVersion.TLS13) {
                        continue; // no TLS 1.3 here: the lower versions still honour the minimum
                    }
                    throw new IllegalArgumentException(option + "=" + min + " cannot be honoured: this JVM does not"
                                                       + " allow " + v.protocol() + " (see the security property"
                                                       + " jdk.tls.disabledAlgorithms); use " + option
                                                       + "=TLS12 or enable " + v.protocol() + " in java.security");
                }
                enabled.add(0, v.protocol());
            }
        }
        return enabled.toArray(new String[0]);
    }

    /**
     * The httpclient5 TLS strategy: protocols, host name verification (off with {@code insecureSkipVerify}), and
     * {@code serverName} as SNI and verified name.
     */
    public static TlsStrategy tlsStrategy(SSLContext ctx, String[] protocols, boolean insecureSkipVerify,
                                          String serverName) {
        ClientTlsStrategyBuilder b = ClientTlsStrategyBuilder.create().setSslContext(ctx);
        if (protocols != null) {
            b.setTlsVersions(protocols);
        }
        if (insecureSkipVerify) {
            b.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT);
            b.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        } else {
            b.setHostVerificationPolicy(HostnameVerificationPolicy.BUILTIN);
        }
        TlsStrategy strategy = b.buildAsync();
        return serverName == null ? strategy : new ServerNameTlsStrategy(strategy, serverName);
    }

    /** Replaces the name used for SNI and certificate verification; the connection still goes to the URL's host. */
    static final class ServerNameTlsStrategy implements TlsStrategy {
        private final TlsStrategy delegate;
        private final String serverName;

        ServerNameTlsStrategy(TlsStrategy delegate, String serverName) {
            this.delegate = delegate;
            this.serverName = serverName;
        }

        @Override
        public void upgrade(TransportSecurityLayer tlsSession, NamedEndpoint endpoint, Object attachment,
                            Timeout handshakeTimeout, FutureCallback<TransportSecurityLayer> callback) {
            delegate.upgrade(tlsSession, new HttpHost(serverName, endpoint.getPort()), attachment, handshakeTimeout,
                    callback);
        }

        @Override
        @Deprecated
        public boolean upgrade(TransportSecurityLayer tlsSession, HttpHost host, java.net.SocketAddress localAddress,
                               java.net.SocketAddress remoteAddress, Object attachment, Timeout handshakeTimeout) {
            upgrade(tlsSession, host, attachment, handshakeTimeout, null);
            return true;
        }
    }

    /** {@code insecure_skip_verify}: accepts any server certificate (an extended manager, so no JDK name check). */
    static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
