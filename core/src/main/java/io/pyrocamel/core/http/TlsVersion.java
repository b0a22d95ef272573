package io.pyrocamel.core.http;

import java.util.Locale;

/** Alloy's {@code min_version} values and the JSSE protocol names they stand for. */
public enum TlsVersion {
    TLS10("TLSv1"),
    TLS11("TLSv1.1"),
    TLS12("TLSv1.2"),
    TLS13("TLSv1.3");

    private final String protocol;

    TlsVersion(String protocol) {
        this.protocol = protocol;
    }

    /** The JSSE protocol name, e.g. {@code TLSv1.2}. */
    public String protocol() {
        return protocol;
    }

    /**
     * Parses {@code TLS10} .. {@code TLS13} (case-insensitive); {@code null} or empty gives {@code null} (default:
     * TLS 1.2, like Go).
     */
    public static TlsVersion parse(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + "=" + value + " is not a TLS version: use TLS10, TLS11, TLS12"
                                               + " or TLS13");
        }
    }
}
