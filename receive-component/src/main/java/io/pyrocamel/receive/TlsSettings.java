package io.pyrocamel.receive;

import java.util.List;

/**
 * The validated TLS options of a receiver. PEM values are the text itself; files are read when the server starts.
 *
 * @param certPem       server certificate chain (PEM text), or {@code null}
 * @param certFile      server certificate chain file, or {@code null}
 * @param keyPem        server private key (PEM text), or {@code null}
 * @param keyFile       server private key file, or {@code null}
 * @param clientAuth    client authentication type
 * @param clientCaPem   client CA bundle (PEM text), or {@code null}
 * @param clientCaFile  client CA bundle file, or {@code null}
 * @param minVersion    lowest protocol, e.g. {@code TLSv1.2}
 * @param cipherSuites  TLS 1.2 and older cipher suites to allow (empty = JDK defaults)
 */
record TlsSettings(String certPem, String certFile, String keyPem, String keyFile, ClientAuthType clientAuth,
                   String clientCaPem, String clientCaFile, String minVersion, List<String> cipherSuites) {

    TlsSettings {
        cipherSuites = List.copyOf(cipherSuites);
    }

    boolean hasClientCa() {
        return clientCaPem != null || clientCaFile != null;
    }

    @Override
    public String toString() {
        return "TlsSettings[cert=" + (certFile != null ? certFile : "PEM") + ", key=" + (keyFile != null ? keyFile : "PEM")
               + ", clientAuth=" + clientAuth + ", clientCa=" + (clientCaFile != null ? clientCaFile
                       : clientCaPem != null ? "PEM" : "none")
               + ", minVersion=" + minVersion + ", cipherSuites=" + cipherSuites + "]";
    }
}
