package io.pyrocamel.receive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * An HTTP server that accepts what a Pyroscope server accepts: {@code POST /ingest} (every format, passed through
 * untouched) and the Connect call {@code POST /push.v1.PusherService/Push} (protobuf or JSON, gzip or not). Each
 * received profile becomes one exchange; the HTTP answer waits for the route.
 *
 * @since 0.1.0
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pyroscope-receive-http", title = "Pyroscope Receive HTTP",
             syntax = "pyroscope-receive-http:name", consumerOnly = true, remote = true,
             category = { Category.MONITORING, Category.HTTP }, headersClass = PyroscopeReceiveHttpConstants.class)
public final class PyroscopeReceiveHttpEndpoint extends DefaultEndpoint {

    public static final String DEFAULT_LISTEN_PORT = "8080";
    public static final String DEFAULT_CONN_LIMIT = "16384";
    public static final String DEFAULT_SERVER_READ_TIMEOUT = "30s";
    public static final String DEFAULT_SERVER_WRITE_TIMEOUT = "30s";
    public static final String DEFAULT_SERVER_IDLE_TIMEOUT = "120s";
    public static final String DEFAULT_MAX_BODY_SIZE = "67108864";
    public static final String DEFAULT_TLS_CLIENT_AUTH_TYPE = "NoClientCert";
    public static final String DEFAULT_TLS_MIN_VERSION = "TLS12";
    static final long DEFAULT_SERVER_READ_TIMEOUT_MILLIS = 30_000;
    static final long DEFAULT_SERVER_WRITE_TIMEOUT_MILLIS = 30_000;
    static final long DEFAULT_SERVER_IDLE_TIMEOUT_MILLIS = 120_000;
    /** 64 MiB: twice the 32 MiB form Pyroscope parses in memory (SPEC.md §2.3). */
    static final long DEFAULT_MAX_BODY_SIZE_BYTES = 64L << 20;
    /** Largest body a byte array holds. */
    static final long MAX_BODY_SIZE_LIMIT = Integer.MAX_VALUE - 16;

    @UriPath(description = "Name of the receiver: names its threads, its log lines and the component_id tag of its"
                           + " metrics (pyroscope.receive_http.NAME).")
    @Metadata(required = true)
    private String name;

    @UriParam(label = "consumer",
              description = "Network address on which the server listens. Empty (the default) accepts connections"
                            + " on all interfaces, IPv4 and IPv6.")
    private String listenAddress = "";

    @UriParam(label = "consumer", defaultValue = DEFAULT_LISTEN_PORT,
              description = "Port number on which the server listens. 0 picks a free port.")
    private int listenPort = Integer.parseInt(DEFAULT_LISTEN_PORT);

    @UriParam(label = "consumer", defaultValue = DEFAULT_CONN_LIMIT,
              description = "Maximum number of simultaneously accepted TCP connections. Connections beyond it are not"
                            + " refused: they wait in the kernel's accept queue until an accepted one closes (as Go's"
                            + " LimitListener). 0 or less means no limit. Default 16384 as Alloy's source (its docs"
                            + " say 0).")
    private int connLimit = Integer.parseInt(DEFAULT_CONN_LIMIT);

    @UriParam(label = "consumer", defaultValue = DEFAULT_SERVER_READ_TIMEOUT, javaType = "java.time.Duration",
              description = "Longest time to read one whole request, headers and body, counted from its first byte"
                            + " (the first request of a connection: from the accept). A request still incomplete then"
                            + " gets 408 and the connection closes. 0 means no timeout.")
    private long serverReadTimeout = DEFAULT_SERVER_READ_TIMEOUT_MILLIS;

    @UriParam(label = "consumer", defaultValue = DEFAULT_SERVER_WRITE_TIMEOUT, javaType = "java.time.Duration",
              description = "Longest time from a request read to its response: the route must finish within it."
                            + " Past it the request gets a retryable 503 (Connect: unavailable) and the connection"
                            + " closes. 0 means no timeout.")
    private long serverWriteTimeout = DEFAULT_SERVER_WRITE_TIMEOUT_MILLIS;

    @UriParam(label = "consumer", defaultValue = DEFAULT_SERVER_IDLE_TIMEOUT, javaType = "java.time.Duration",
              description = "Longest time a kept-alive connection waits for its next request before it is closed."
                            + " 0 means no timeout.")
    private long serverIdleTimeout = DEFAULT_SERVER_IDLE_TIMEOUT_MILLIS;

    @UriParam(label = "consumer", defaultValue = DEFAULT_MAX_BODY_SIZE,
              description = "Largest request body in bytes; a size with a binary unit such as 16MiB is accepted too."
                            + " A larger body gets 413 and is never buffered beyond the limit; a gzipped Connect body"
                            + " may not inflate beyond it either. Default 64 MiB, twice the 32 MiB form Pyroscope"
                            + " parses in memory. Alloy has no limit.")
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE_BYTES;

    @UriParam(label = "security",
              description = "Path of the server TLS certificate (PEM, chain allowed). Setting a certificate and a key"
                            + " turns TLS on. Not together with tlsCertPem.")
    private String tlsCertFile;

    @UriParam(label = "security",
              description = "PEM text of the server TLS certificate (chain allowed). Not together with tlsCertFile.")
    private String tlsCertPem;

    @UriParam(label = "security",
              description = "Path of the server TLS private key (PEM, PKCS#8; PKCS#1 and EC keys need BouncyCastle on"
                            + " the classpath). Not together with tlsKeyPem.")
    private String tlsKeyFile;

    @UriParam(label = "security", secret = true,
              description = "PEM text of the server TLS private key. Not together with tlsKeyFile.")
    private String tlsKeyPem;

    @UriParam(label = "security", defaultValue = DEFAULT_TLS_CLIENT_AUTH_TYPE,
              enums = "NoClientCert,RequestClientCert,RequireAnyClientCert,VerifyClientCertIfGiven,"
                      + "RequireAndVerifyClientCert",
              description = "Client authentication, Go's names: NoClientCert; RequestClientCert (asked, optional, not"
                            + " verified); RequireAnyClientCert (required, not verified); VerifyClientCertIfGiven"
                            + " (optional, verified when sent); RequireAndVerifyClientCert (required and verified)."
                            + " Verification uses the client CA, or the JVM's default trust store when none is set.")
    private String tlsClientAuthType = DEFAULT_TLS_CLIENT_AUTH_TYPE;

    @UriParam(label = "security",
              description = "Path of the CA bundle (PEM) client certificates are verified against. Not together with"
                            + " tlsClientCaPem or tlsClientCa.")
    private String tlsClientCaFile;

    @UriParam(label = "security",
              description = "PEM text of the CA bundle client certificates are verified against (Alloy docs:"
                            + " client_ca_pem). Not together with tlsClientCaFile or tlsClientCa.")
    private String tlsClientCaPem;

    @UriParam(label = "security",
              description = "The same as tlsClientCaPem, under the name Alloy's source uses (client_ca).")
    private String tlsClientCa;

    @UriParam(label = "security", defaultValue = DEFAULT_TLS_MIN_VERSION, enums = "TLS10,TLS11,TLS12,TLS13",
              description = "Lowest TLS version accepted, Alloy's names. The JVM may disable TLS 1.0 and 1.1 itself"
                            + " (jdk.tls.disabledAlgorithms).")
    private String tlsMinVersion = DEFAULT_TLS_MIN_VERSION;

    @UriParam(label = "security",
              description = "Comma-separated cipher suites allowed for TLS 1.2 and older, IANA names as Go uses them"
                            + " (e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256). TLS 1.3 suites are always enabled, as"
                            + " in Go. A name the JVM does not support fails start-up. Empty: the JVM's defaults.")
    private String tlsCipherSuites;

    public PyroscopeReceiveHttpEndpoint(String uri, PyroscopeReceiveHttpComponent component) {
        super(uri, component);
    }

    @Override
    public PyroscopeReceiveHttpComponent getComponent() {
        return (PyroscopeReceiveHttpComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("pyroscope-receive-http only receives: use it in from:, and"
                                                + " pyroscope-write to send");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        PyroscopeReceiveHttpConsumer consumer = new PyroscopeReceiveHttpConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        validate(); // fail the route at start-up, naming the option
    }

    /** The validated options as they are now (the consumer takes them when it starts). */
    ReceiveSettings settings() {
        return validate();
    }

    private ReceiveSettings validate() {
        String where = "pyroscope-receive-http:" + name + ": ";
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException(where + "listenPort " + listenPort + " is not a port (0-65535)");
        }
        for (String[] d : new String[][] {
                { "serverReadTimeout", Long.toString(serverReadTimeout) },
                { "serverWriteTimeout", Long.toString(serverWriteTimeout) },
                { "serverIdleTimeout", Long.toString(serverIdleTimeout) } }) {
            if (Long.parseLong(d[1]) < 0) {
                throw new IllegalArgumentException(where + d[0] + " may not be negative");
            }
        }
        if (maxBodySize <= 0 || maxBodySize > MAX_BODY_SIZE_LIMIT) {
            throw new IllegalArgumentException(where + "maxBodySize " + maxBodySize + " must be between 1 and "
                                               + MAX_BODY_SIZE_LIMIT + " bytes");
        }
        return new ReceiveSettings(name, listenAddress == null ? "" : listenAddress.trim(), listenPort,
                Math.max(connLimit, 0), serverReadTimeout, serverWriteTimeout, serverIdleTimeout, (int) maxBodySize,
                tlsSettings(where));
    }

    private TlsSettings tlsSettings(String where) {
        exclusive(where, "tlsCertPem", tlsCertPem, "tlsCertFile", tlsCertFile);
        exclusive(where, "tlsKeyPem", tlsKeyPem, "tlsKeyFile", tlsKeyFile);
        exclusive(where, "tlsClientCaPem", tlsClientCaPem, "tlsClientCaFile", tlsClientCaFile);
        exclusive(where, "tlsClientCa", tlsClientCa, "tlsClientCaFile", tlsClientCaFile);
        if (isSet(tlsClientCa) && isSet(tlsClientCaPem) && !tlsClientCa.equals(tlsClientCaPem)) {
            throw new IllegalArgumentException(where + "tlsClientCa and tlsClientCaPem are two names of one option and"
                                               + " hold different values; set one");
        }
        String caPem = isSet(tlsClientCaPem) ? tlsClientCaPem : isSet(tlsClientCa) ? tlsClientCa : null;
        ClientAuthType auth;
        try {
            auth = ClientAuthType.parse(tlsClientAuthType == null ? DEFAULT_TLS_CLIENT_AUTH_TYPE : tlsClientAuthType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        String minVersion = jsseVersion(where, tlsMinVersion);
        List<String> suites = new ArrayList<>();
        if (isSet(tlsCipherSuites)) {
            for (String s : tlsCipherSuites.split(",")) {
                if (!s.isBlank()) {
                    suites.add(s.trim());
                }
            }
        }
        boolean cert = isSet(tlsCertPem) || isSet(tlsCertFile);
        boolean key = isSet(tlsKeyPem) || isSet(tlsKeyFile);
        if (!cert && !key) {
            String stray = auth != ClientAuthType.NoClientCert ? "tlsClientAuthType"
                    : caPem != null ? (isSet(tlsClientCaPem) ? "tlsClientCaPem" : "tlsClientCa")
                    : isSet(tlsClientCaFile) ? "tlsClientCaFile"
                    : !suites.isEmpty() ? "tlsCipherSuites" : null;
            if (stray != null) {
                throw new IllegalArgumentException(where + stray + " needs TLS: set tlsCertFile or tlsCertPem and"
                                                   + " tlsKeyFile or tlsKeyPem");
            }
            return null;
        }
        if (!cert) {
            throw new IllegalArgumentException(where + "a TLS key is set but no certificate: set tlsCertFile or"
                                               + " tlsCertPem");
        }
        if (!key) {
            throw new IllegalArgumentException(where + "a TLS certificate is set but no key: set tlsKeyFile or"
                                               + " tlsKeyPem");
        }
        return new TlsSettings(blankToNull(tlsCertPem), blankToNull(tlsCertFile), blankToNull(tlsKeyPem),
                blankToNull(tlsKeyFile), auth, caPem, blankToNull(tlsClientCaFile), minVersion, suites);
    }

    private static String jsseVersion(String where, String v) {
        String s = v == null || v.isBlank() ? DEFAULT_TLS_MIN_VERSION : v.trim().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "TLS10" -> "TLSv1";
            case "TLS11" -> "TLSv1.1";
            case "TLS12" -> "TLSv1.2";
            case "TLS13" -> "TLSv1.3";
            default -> throw new IllegalArgumentException(where + "tlsMinVersion \"" + v + "\" is not one of TLS10,"
                                                          + " TLS11, TLS12, TLS13");
        };
    }

    private static void exclusive(String where, String a, String av, String b, String bv) {
        if (isSet(av) && isSet(bv)) {
            throw new IllegalArgumentException(where + a + " and " + b + " are mutually exclusive; set one");
        }
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return isSet(s) ? s : null;
    }

    public String getName() {
        return name;
    }

    /** Name of the receiver. */
    public void setName(String name) {
        this.name = name;
    }

    public String getListenAddress() {
        return listenAddress;
    }

    public void setListenAddress(String listenAddress) {
        this.listenAddress = listenAddress;
    }

    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    public int getConnLimit() {
        return connLimit;
    }

    public void setConnLimit(int connLimit) {
        this.connLimit = connLimit;
    }

    public long getServerReadTimeout() {
        return serverReadTimeout;
    }

    public void setServerReadTimeout(long serverReadTimeout) {
        this.serverReadTimeout = serverReadTimeout;
    }

    public long getServerWriteTimeout() {
        return serverWriteTimeout;
    }

    public void setServerWriteTimeout(long serverWriteTimeout) {
        this.serverWriteTimeout = serverWriteTimeout;
    }

    public long getServerIdleTimeout() {
        return serverIdleTimeout;
    }

    public void setServerIdleTimeout(long serverIdleTimeout) {
        this.serverIdleTimeout = serverIdleTimeout;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getTlsCertFile() {
        return tlsCertFile;
    }

    public void setTlsCertFile(String tlsCertFile) {
        this.tlsCertFile = tlsCertFile;
    }

    public String getTlsCertPem() {
        return tlsCertPem;
    }

    public void setTlsCertPem(String tlsCertPem) {
        this.tlsCertPem = tlsCertPem;
    }

    public String getTlsKeyFile() {
        return tlsKeyFile;
    }

    public void setTlsKeyFile(String tlsKeyFile) {
        this.tlsKeyFile = tlsKeyFile;
    }

    public String getTlsKeyPem() {
        return tlsKeyPem;
    }

    public void setTlsKeyPem(String tlsKeyPem) {
        this.tlsKeyPem = tlsKeyPem;
    }

    public String getTlsClientAuthType() {
        return tlsClientAuthType;
    }

    public void setTlsClientAuthType(String tlsClientAuthType) {
        this.tlsClientAuthType = tlsClientAuthType;
    }

    public String getTlsClientCaFile() {
        return tlsClientCaFile;
    }

    public void setTlsClientCaFile(String tlsClientCaFile) {
        this.tlsClientCaFile = tlsClientCaFile;
    }

    public String getTlsClientCaPem() {
        return tlsClientCaPem;
    }

    public void setTlsClientCaPem(String tlsClientCaPem) {
        this.tlsClientCaPem = tlsClientCaPem;
    }

    public String getTlsClientCa() {
        return tlsClientCa;
    }

    public void setTlsClientCa(String tlsClientCa) {
        this.tlsClientCa = tlsClientCa;
    }

    public String getTlsMinVersion() {
        return tlsMinVersion;
    }

    public void setTlsMinVersion(String tlsMinVersion) {
        this.tlsMinVersion = tlsMinVersion;
    }

    public String getTlsCipherSuites() {
        return tlsCipherSuites;
    }

    public void setTlsCipherSuites(String tlsCipherSuites) {
        this.tlsCipherSuites = tlsCipherSuites;
    }
}
