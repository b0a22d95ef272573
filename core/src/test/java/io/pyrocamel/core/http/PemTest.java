package io.pyrocamel.core.http;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Date;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PEM certificates and keys in every form Go accepts, also after a URI dropped their line breaks. */
class PemTest {

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    private static X509Certificate selfSigned(KeyPair kp, String alg) throws Exception {
        X500Name n = new X500Name("CN=t");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(n, BigInteger.ONE,
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 3_600_000), n,
                kp.getPublic()).build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())));
    }

    @Test
    void rsaKeysInPkcs1AndPkcs8() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        String pkcs8 = pem(new PemObject("PRIVATE KEY", kp.getPrivate().getEncoded()));
        String pkcs1 = pem(kp.getPrivate());
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        PrivateKey a = Pem.privateKey(pkcs8, "tlsKeyPem");
        PrivateKey b = Pem.privateKey(pkcs1, "tlsKeyPem");
        assertThat(a.getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
        assertThat(b.getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
        // line breaks lost (as in a Camel endpoint URI) and '+' turned into ' ' by URL decoding
        String flat = pkcs1.replace("\n", "").replace("+", " ");
        assertThat(Pem.privateKey(flat, "tlsKeyPem").getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    @Test
    void certificatesAndAnEcKeyMakeAClientContext() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        X509Certificate cert = selfSigned(kp, "SHA256withECDSA");
        String certPem = pem(cert);
        String bundle = "junk before\n" + certPem + "\n" + certPem;
        assertThat(Pem.certificates(bundle, "tlsCaPem")).hasSize(2);
        assertThat(Pem.certificates(certPem.replace("\n", ""), "tlsCaPem").get(0)).isEqualTo(cert);

        TlsSettings tls = new TlsSettings(certPem, null, certPem, null,
                Secret.of(pem(new PemObject("PRIVATE KEY", kp.getPrivate().getEncoded()))), null, false, null, null);
        SSLContext ctx = TlsContexts.sslContext(tls, "tls");
        assertThat(TlsContexts.protocols(null, ctx, "tlsMinVersion")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsContexts.protocols(TlsVersion.TLS13, ctx, "tlsMinVersion")).containsExactly("TLSv1.3");
    }

    @Test
    void errorsNameTheOptionAndNeverTheKey() {
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY-----\nQUJD-SECRET\n-----END PRIVATE KEY-----",
                "oauth2TlsKeyPem")).hasMessageStartingWith("oauth2TlsKeyPem").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> Pem.certificates("nothing here", "tlsCaPem"))
                .hasMessage("tlsCaPem: no PEM certificate found");
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n"
                                                + "-----END ENCRYPTED PRIVATE KEY-----", "tlsKeyPem"))
                .hasMessageContaining("tlsKeyPem");
    }
}
