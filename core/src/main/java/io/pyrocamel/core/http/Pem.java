package io.pyrocamel.core.http;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM certificates and private keys, as Go's {@code crypto/tls} reads them: certificate blocks in any number (other
 * blocks are skipped), and an unencrypted private key in PKCS#1 ({@code RSA PRIVATE KEY}), SEC1
 * ({@code EC PRIVATE KEY}) or PKCS#8 ({@code PRIVATE KEY}) form. Parsing is Bouncy Castle's (bcpkix); the keys are
 * converted to JDK keys with the JDK's providers, so Bouncy Castle is not installed as a security provider.
 */
public final class Pem {

    private Pem() {
    }

    public static String readFile(String file, String option) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", java.util.regex.Pattern.DOTALL);

    /**
     * Rebuilds PEM blocks whose line breaks were lost on the way (a Camel endpoint URI drops CR/LF, so PEM text given
     * in a route arrives as one line): the base64 body of each block is re-wrapped; a space inside it is taken for a
     * {@code +} that URL decoding turned into a space (base64 has no spaces). Headers inside a block are dropped.
     */
    static String normalize(String pem) {
        java.util.regex.Matcher m = BLOCK.matcher(pem);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2);
            int colon = body.lastIndexOf(':');
            if (colon >= 0) {
                // RFC 1421 headers (Proc-Type...) end with a blank line; without line breaks we cannot keep them
                body = body.substring(body.indexOf('\n', colon) < 0 ? body.length() : body.indexOf('\n', colon));
            }
            String b64 = body.replace(' ', '+').replaceAll("[\\s]", "");
            out.append("-----BEGIN ").append(m.group(1)).append("-----\n");
            for (int i = 0; i < b64.length(); i += 64) {
                out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
            }
            out.append("-----END ").append(m.group(1)).append("-----\n");
        }
        return out.length() == 0 ? pem : out.toString();
    }

    /** Every certificate in the PEM text; fails when there is none. */
    public static List<X509Certificate> certificates(String pemText, String option) {
        String pem = normalize(pemText);
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException(option + ": not valid PEM certificates: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(option + ": no PEM certificate found");
        }
        return certs;
    }

    /** The first private key in the PEM text. Never puts key material into a message. */
    public static PrivateKey privateKey(String pemText, String option) {
        String pem = normalize(pemText);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 keys may lack the public key
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IllegalArgumentException(option + ": encrypted private keys are not supported (as in"
                                                       + " Alloy); give the key unencrypted");
                }
                if (o instanceof ASN1ObjectIdentifier) {
                    continue; // EC PARAMETERS block before an EC key
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                && iae.getMessage().startsWith(option)) {
                throw iae;
            }
            throw new IllegalArgumentException(option + ": not a valid PEM private key (" + e.getClass().getSimpleName()
                                               + ")");
        }
        throw new IllegalArgumentException(option + ": no PEM private key found");
    }
}
