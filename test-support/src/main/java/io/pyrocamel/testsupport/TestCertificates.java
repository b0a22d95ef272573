package io.pyrocamel.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throw-away certificate authority for tests: a CA, server certificates for loopback names, and client
 * certificates, with PEM text, files and key stores. EC P-256 keys by default (fast); RSA on request (its key is then
 * also available in PKCS#1 form, {@code BEGIN RSA PRIVATE KEY}).
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final String name;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestCertificates(String name) {
        this.name = name;
        try {
            this.caKeys = ec();
            X500Name subject = new X500Name("CN=" + name + " test CA");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), notBefore(), notAfter(),
                    subject, caKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            this.ca = sign(b, caKeys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new CA named {@code name}. */
    public static TestCertificates authority(String name) {
        return new TestCertificates(name);
    }

    /** An issued certificate with its key. */
    public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate ca) {

        public String certPem() {
            return pem(certificate);
        }

        /** The key in PKCS#8 ({@code BEGIN PRIVATE KEY}). */
        public String keyPem() {
            try {
                return pemObject(new PemObject("PRIVATE KEY", key.getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The key in its traditional OpenSSL form: PKCS#1 for RSA, SEC1 (with the curve) for EC. */
        public String keyPemTraditional() {
            try {
                if (key.getAlgorithm().equals("EC")) {
                    org.bouncycastle.asn1.pkcs.PrivateKeyInfo pki =
                            org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
                    org.bouncycastle.asn1.sec.ECPrivateKey inner =
                            org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(pki.parsePrivateKey());
                    org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                            inner.getKey(), pki.getPrivateKeyAlgorithm().getParameters());
                    return pemObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
                }
                StringWriter w = new StringWriter();
                try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                    pw.writeObject(new JcaMiscPEMGenerator(key));
                }
                return w.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A PKCS#12 key store holding the key and chain (password {@code changeit}). */
        public KeyStore keyStore() {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("key", key, PASSWORD, new X509Certificate[] {certificate, ca});
                return ks;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes {@code <base>.crt} and {@code <base>.key} (PKCS#8) into {@code dir}; returns {crt, key}. */
        public Path[] writeTo(Path dir, String base) {
            try {
                Files.createDirectories(dir);
                Path crt = Files.writeString(dir.resolve(base + ".crt"), certPem(), StandardCharsets.US_ASCII);
                Path k = Files.writeString(dir.resolve(base + ".key"), keyPem(), StandardCharsets.US_ASCII);
                return new Path[] {crt, k};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    public String caPem() {
        return pem(ca);
    }

    public Path writeCa(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name + "-ca.crt"), caPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A trust store with this CA (password {@code changeit}). */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", ca);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static char[] password() {
        return PASSWORD.clone();
    }

    /** A server certificate for 127.0.0.1, ::1, localhost and the extra DNS names. */
    public Issued server(String... extraDnsNames) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        for (String n : extraDnsNames) {
            names.add(new GeneralName(GeneralName.dNSName, n));
        }
        return issue("server", names, KeyPurposeId.id_kp_serverAuth, false);
    }

    /** A server certificate for exactly these DNS names (no IP, no localhost). */
    public Issued serverOnly(String... dnsNames) {
        List<GeneralName> names = new ArrayList<>();
        for (String n : dnsNames) {
            names.add(new GeneralName(GeneralName.dNSName, n));
        }
        return issue(dnsNames[0], names, KeyPurposeId.id_kp_serverAuth, false);
    }

    /** A client certificate with the given common name. */
    public Issued client(String commonName) {
        return issue(commonName, List.of(), KeyPurposeId.id_kp_clientAuth, false);
    }

    /** A client certificate with an RSA key (for PKCS#1 key tests). */
    public Issued clientRsa(String commonName) {
        return issue(commonName, List.of(), KeyPurposeId.id_kp_clientAuth, true);
    }

    private Issued issue(String cn, List<GeneralName> names, KeyPurposeId purpose, boolean rsa) {
        try {
            KeyPair keys = rsa ? rsa() : ec();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name + " test CA"),
                    serial(), notBefore(), notAfter(), new X500Name("CN=" + cn), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(new GeneralName[0])));
            }
            return new Issued(sign(b, caKeys.getPrivate()), keys.getPrivate(), ca);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            ContentSigner s = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
            X509CertificateHolder holder = b.build(s);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return g.generateKeyPair();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(2)));
    }

    static String pem(X509Certificate c) {
        try {
            return pemObject(new PemObject("CERTIFICATE", c.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemObject(PemObject o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }
}
