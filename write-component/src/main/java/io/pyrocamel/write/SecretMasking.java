package io.pyrocamel.write;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks the secret options in the URI an endpoint reports ({@code getEndpointUri()}, which Camel shows in JMX, logs
 * and Hawtio). Camel's own sanitizer masks names with password/token/secret in them but not {@code tlsKeyPem},
 * {@code authorizationCredentials}, {@code httpHeaders.*} or {@code proxyConnectHeader.*}. Each value becomes
 * {@code xxxxxx-<8 hex>}: an HMAC with a random per-process key, so two endpoints that differ only in a secret keep
 * different URIs (Camel compares endpoints by URI) while the secret cannot be guessed from it.
 */
final class SecretMasking {

    private static final Pattern SECRET_OPTIONS = Pattern.compile(
            "([?&](?:tlsKeyPem|oauth2TlsKeyPem|authorizationCredentials|basicAuthPassword|bearerToken"
            + "|oauth2ClientSecret|proxyUrl|oauth2ProxyUrl|httpHeaders\\.[^=&]+|proxyConnectHeader\\.[^=&]+"
            + "|oauth2ProxyConnectHeader\\.[^=&]+))=(RAW\\([^)]*\\)|RAW\\{[^}]*}|[^&]*)",
            Pattern.CASE_INSENSITIVE);
    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private SecretMasking() {
    }

    static String mask(String uri) {
        Matcher m = SECRET_OPTIONS.matcher(uri);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "=xxxxxx-" + tag(m.group(2))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String tag(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
