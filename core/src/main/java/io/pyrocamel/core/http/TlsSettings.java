package io.pyrocamel.core.http;

import java.util.List;

/**
 * Alloy's {@code tls_config} block: trust (CA), client certificate, verification and protocol settings.
 *
 * @param caPem              CA certificates, PEM text ({@code ca_pem})
 * @param caFile             CA certificates file ({@code ca_file})
 * @param certPem            client certificate chain, PEM text ({@code cert_pem})
 * @param certFile           client certificate chain file ({@code cert_file})
 * @param keyPem             client key, PEM text ({@code key_pem}, secret)
 * @param keyFile            client key file ({@code key_file})
 * @param insecureSkipVerify disables server certificate and host name verification
 * @param minVersion         minimum TLS version, {@code null} = TLS 1.2 (Go's default)
 * @param serverName         name sent as SNI and verified against the server certificate, {@code null} = URL host
 */
public record TlsSettings(String caPem, String caFile, String certPem, String certFile, Secret keyPem, String keyFile,
                          boolean insecureSkipVerify, TlsVersion minVersion, String serverName) {

    public static final TlsSettings NONE = new TlsSettings(null, null, null, null, null, null, false, null, null);

    public TlsSettings {
        caPem = blankToNull(caPem);
        caFile = blankToNull(caFile);
        certPem = blankToNull(certPem);
        certFile = blankToNull(certFile);
        keyFile = blankToNull(keyFile);
        serverName = blankToNull(serverName);
    }

    /** True when nothing is set (the JVM's default trust store, TLS 1.2+, verification on). */
    public boolean isDefault() {
        return equals(NONE);
    }

    public boolean hasClientCertificate() {
        return certPem != null || certFile != null;
    }

    /** Adds the rules of Alloy's {@code TLSConfig.Validate} to {@code errors}, naming options with {@code prefix}. */
    void validate(String prefix, List<String> errors) {
        String p = prefix;
        if (caPem != null && caFile != null) {
            errors.add("at most one of " + OptionNames.of(p, "caPem") + " and " + OptionNames.of(p, "caFile")
                       + " must be configured");
        }
        if (certPem != null && certFile != null) {
            errors.add("at most one of " + OptionNames.of(p, "certPem") + " and " + OptionNames.of(p, "certFile")
                       + " must be configured");
        }
        if (keyPem != null && keyFile != null) {
            errors.add("at most one of " + OptionNames.of(p, "keyPem") + " and " + OptionNames.of(p, "keyFile")
                       + " must be configured");
        }
        boolean cert = certPem != null || certFile != null;
        boolean key = keyPem != null || keyFile != null;
        if (cert && !key) {
            errors.add("exactly one of " + OptionNames.of(p, "keyPem") + " or " + OptionNames.of(p, "keyFile")
                       + " must be configured when a client certificate is configured");
        } else if (key && !cert) {
            errors.add("exactly one of " + OptionNames.of(p, "certPem") + " or " + OptionNames.of(p, "certFile")
                       + " must be configured when a client key is configured");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "TlsSettings[ca=" + (caPem != null ? "pem" : caFile) + ", cert=" + (certPem != null ? "pem" : certFile)
               + ", key=" + (keyPem != null ? "<secret>" : keyFile) + ", insecureSkipVerify=" + insecureSkipVerify
               + ", minVersion=" + minVersion + ", serverName=" + serverName + "]";
    }
}
