package io.pyrocamel.receive;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made for a test: a CA, a server certificate for 127.0.0.1, client certificates. */
final class TestCerts {

    record Issued(KeyPair keys, X509Certificate cert) {

        String certPem() {
            return pem(cert);
        }

        String keyPem() {
            try {
                StringWriter w = new StringWriter();
                try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                    pw.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
                }
                return w.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCerts() {
    }

    static Issued ca(String cn) throws Exception {
        KeyPair kp = keys();
        return new Issued(kp, sign(cn, kp, cn, kp.getPrivate(), true, false));
    }

    static Issued issue(Issued ca, String cn, boolean server) throws Exception {
        KeyPair kp = keys();
        return new Issued(kp, sign(cn, kp, ca.cert().getSubjectX500Principal().getName(), ca.keys().getPrivate(),
                false, server));
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(String cn, KeyPair subject, String issuer, PrivateKey issuerKey, boolean ca,
                                        boolean server) throws Exception {
        long now = System.currentTimeMillis();
        X500Name issuerName = issuer.contains("=") ? new X500Name(issuer) : new X500Name("CN=" + issuer);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                new BigInteger(64, new SecureRandom()), new Date(now - 60_000), new Date(now + 86_400_000L),
                new X500Name("CN=" + cn), subject.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (server) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost") }));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    static String pem(X509Certificate c) {
        try {
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                pw.writeObject(c);
            }
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client SSLContext trusting {@code serverCa}, presenting {@code client} when not null. */
    static SSLContext clientContext(Issued serverCa, Issued client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", serverCa.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (client != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", client.keys().getPrivate(), "pw".toCharArray(),
                    new java.security.cert.Certificate[] { client.cert() });
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "pw".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        javax.net.ssl.KeyManager[] kms = null;
        if (kmf != null) {
            // present the certificate even when the server's CA list does not name its issuer (as Go clients do),
            // so the server's verification is what decides
            javax.net.ssl.X509ExtendedKeyManager km = (javax.net.ssl.X509ExtendedKeyManager) kmf.getKeyManagers()[0];
            kms = new javax.net.ssl.KeyManager[] { new javax.net.ssl.X509ExtendedKeyManager() {
                @Override
                public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
                    return new String[] { "client" };
                }

                @Override
                public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers,
                                                java.net.Socket socket) {
                    return "client";
                }

                @Override
                public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                                                      javax.net.ssl.SSLEngine engine) {
                    return "client";
                }

                @Override
                public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseServerAlias(String keyType, java.security.Principal[] issuers,
                                                java.net.Socket socket) {
                    return null;
                }

                @Override
                public X509Certificate[] getCertificateChain(String alias) {
                    return km.getCertificateChain(alias);
                }

                @Override
                public PrivateKey getPrivateKey(String alias) {
                    return km.getPrivateKey(alias);
                }
            } };
        }
        ctx.init(kms, tmf.getTrustManagers(), null);
        return ctx;
    }
}
