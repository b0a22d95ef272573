package io.pyrocamel.core.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks the secret HTTP client options in the URI an endpoint reports ({@code getEndpointUri()}: JMX, logs, Hawtio).
 * Camel's sanitizer knows {@code password}/{@code token}/{@code secret} names but not {@code tlsKeyPem},
 * {@code authorizationCredentials}, {@code proxyUrl}, {@code httpHeaders.*} or {@code proxyConnectHeader.*}. Each value
 * becomes {@code xxxxxx-<8 hex>}, an HMAC with a random per-process key, so two endpoints that differ only in a secret
 * keep different URIs while the secret cannot be read from it.
 *
 * @since 0.1.0
 */
public final class SecretMasking {

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

    /** The URI with every secret option value replaced by a keyed hash. */
    public static String mask(String uri) {
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
