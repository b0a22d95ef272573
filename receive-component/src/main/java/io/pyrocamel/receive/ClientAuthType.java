package io.pyrocamel.receive;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * TLS client authentication, with Go's {@code crypto/tls} names (what Alloy's {@code client_auth_type} takes).
 *
 * @since 0.1.0
 */
public enum ClientAuthType {
    /** No client certificate is asked for. */
    NoClientCert(false, false, false),
    /** A certificate is asked for; the client may send none; one that is sent is not verified. */
    RequestClientCert(true, false, false),
    /** The client must send a certificate; it is not verified. */
    RequireAnyClientCert(true, true, false),
    /** A certificate is asked for; the client may send none; one that is sent must verify against the client CA. */
    VerifyClientCertIfGiven(true, false, true),
    /** The client must send a certificate that verifies against the client CA. */
    RequireAndVerifyClientCert(true, true, true);

    private final boolean requests;
    private final boolean requires;
    private final boolean verifies;

    ClientAuthType(boolean requests, boolean requires, boolean verifies) {
        this.requests = requests;
        this.requires = requires;
        this.verifies = verifies;
    }

    public boolean requests() {
        return requests;
    }

    public boolean requires() {
        return requires;
    }

    public boolean verifies() {
        return verifies;
    }

    /** The value for a name, exactly as Go spells it. */
    public static ClientAuthType parse(String s) {
        for (ClientAuthType t : values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tlsClientAuthType: unknown value \"" + s + "\"; use one of "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
