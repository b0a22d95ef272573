package io.pyrocamel.core.http;

import java.math.BigInteger;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Which proxy a request uses, with Go's semantics (what Alloy does):
 * <ul>
 *   <li>{@code proxyUrl} alone: every request goes through it ({@code http.ProxyURL});</li>
 *   <li>{@code proxyUrl} + {@code noProxy}: {@code golang.org/x/net/http/httpproxy} rules — {@code localhost} and
 *       loopback IPs never use the proxy; {@code noProxy} entries are IPs, CIDRs, and domains (with optional
 *       {@code :port}); {@code example.com} matches it and its subdomains, {@code .example.com} and
 *       {@code *.example.com} only subdomains; {@code *} disables the proxy;</li>
 *   <li>{@code proxyFromEnvironment}: the same rules with {@code HTTP_PROXY} for http and {@code HTTPS_PROXY} for
 *       https targets and {@code NO_PROXY} (each upper case first, then lower case; the environment is read once,
 *       when the client is made, as Go reads it once per process).</li>
 * </ul>
 */
public final class ProxySelection {

    private enum Mode { NONE, ALWAYS, RULES }

    private final Mode mode;
    private final URI httpProxy;
    private final URI httpsProxy;
    private final NoProxy noProxy;

    private ProxySelection(Mode mode, URI httpProxy, URI httpsProxy, NoProxy noProxy) {
        this.mode = mode;
        this.httpProxy = httpProxy;
        this.httpsProxy = httpsProxy;
        this.noProxy = noProxy;
    }

    /** The selection for the settings, reading the process environment when {@code proxyFromEnvironment} is set. */
    public static ProxySelection of(ProxySettings settings) {
        return of(settings, System::getenv);
    }

    /**
     * The selection for the settings with the given environment.
     *
     * @throws IllegalArgumentException when an environment proxy cannot be used (names the variable, never its
     *                                  credentials)
     */
    public static ProxySelection of(ProxySettings settings, UnaryOperator<String> env) {
        if (settings.proxyFromEnvironment()) {
            String http = envAny(env, "HTTP_PROXY", "http_proxy");
            String https = envAny(env, "HTTPS_PROXY", "https_proxy");
            String no = envAny(env, "NO_PROXY", "no_proxy");
            return new ProxySelection(Mode.RULES, envProxy(http, "HTTP_PROXY"), envProxy(https, "HTTPS_PROXY"),
                    NoProxy.parse(no));
        }
        if (settings.proxyUrl() == null) {
            return new ProxySelection(Mode.NONE, null, null, null);
        }
        URI proxy = ProxySettings.parseProxyUrl(settings.proxyUrl().reveal());
        if (proxy == null) {
            throw new IllegalArgumentException("proxyUrl is not a valid URL");
        }
        if (settings.noProxy() == null) {
            return new ProxySelection(Mode.ALWAYS, proxy, proxy, null);
        }
        return new ProxySelection(Mode.RULES, proxy, proxy, NoProxy.parse(settings.noProxy()));
    }

    /** A map view for tests: {@code of(settings, Map.of("HTTP_PROXY", ...)::get)}. */
    public static ProxySelection of(ProxySettings settings, Map<String, String> env) {
        return of(settings, env::get);
    }

    private static String envAny(UnaryOperator<String> env, String... names) {
        for (String n : names) {
            String v = env.apply(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    private static URI envProxy(String value, String variable) {
        if (value == null) {
            return null;
        }
        URI uri = ProxySettings.parseProxyUrl(value);
        if (uri == null) {
            throw new IllegalArgumentException("proxyFromEnvironment: " + variable + " is not a valid proxy URL");
        }
        String problem = ProxySettings.checkProxyUrl(value);
        if (problem != null) {
            throw new IllegalArgumentException("proxyFromEnvironment: " + variable + " " + problem);
        }
        return uri;
    }

    /** True when some request may use a proxy. */
    public boolean mayUseProxy() {
        return mode != Mode.NONE && (httpProxy != null || httpsProxy != null);
    }

    /**
     * The proxy for a request to {@code scheme://host:port}, or {@code null} for a direct connection.
     *
     * @param port the port, or -1 for the scheme's default
     */
    public URI proxyFor(String scheme, String host, int port) {
        switch (mode) {
            case NONE:
                return null;
            case ALWAYS:
                return httpProxy;
            default:
                break;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        URI proxy = s.equals("https") ? httpsProxy : s.equals("http") ? httpProxy : null;
        if (proxy == null) {
            return null;
        }
        int p = port > 0 ? port : s.equals("https") ? 443 : 80;
        return noProxy.useProxy(host, p) ? proxy : null;
    }

    /** The parsed {@code NO_PROXY} list with Go's matching rules. */
    static final class NoProxy {
        private record IpMatch(byte[] ip, String port) {
        }

        private record CidrMatch(BigInteger network, int bits, int length) {
            boolean contains(byte[] ip) {
                if (ip.length * 8 != length) {
                    return false;
                }
                BigInteger v = new BigInteger(1, ip);
                return v.shiftRight(length - bits).equals(network.shiftRight(length - bits));
            }
        }

        private record DomainMatch(String host, String port, boolean matchHost) {
            boolean match(String h, String p) {
                if (h.endsWith(host) || (matchHost && h.equals(host.substring(1)))) {
                    return port.isEmpty() || port.equals(p);
                }
                return false;
            }
        }

        private final boolean all;
        private final List<IpMatch> ips = new ArrayList<>();
        private final List<CidrMatch> cidrs = new ArrayList<>();
        private final List<DomainMatch> domains = new ArrayList<>();

        private NoProxy(boolean all) {
            this.all = all;
        }

        static NoProxy parse(String list) {
            if (list == null) {
                return new NoProxy(false);
            }
            NoProxy np = new NoProxy(false);
            for (String raw : list.split(",")) {
                String p = raw.strip().toLowerCase(Locale.ROOT);
                if (p.isEmpty()) {
                    continue;
                }
                if (p.equals("*")) {
                    return new NoProxy(true);
                }
                int slash = p.indexOf('/');
                if (slash > 0) {
                    byte[] ip = parseIp(p.substring(0, slash));
                    Integer bits = parseInt(p.substring(slash + 1));
                    if (ip != null && bits != null && bits >= 0 && bits <= ip.length * 8) {
                        np.cidrs.add(new CidrMatch(new BigInteger(1, ip), bits, ip.length * 8));
                        continue;
                    }
                }
                String host = p;
                String port = "";
                String[] hp = splitHostPort(p);
                if (hp != null) {
                    if (hp[0].isEmpty()) {
                        continue; // malformed, ignored as Go does
                    }
                    host = hp[0];
                    port = hp[1];
                }
                byte[] ip = parseIp(host);
                if (ip != null) {
                    np.ips.add(new IpMatch(ip, port));
                    continue;
                }
                if (host.startsWith("*.")) {
                    host = host.substring(1);
                }
                boolean matchHost = false;
                if (host.charAt(0) != '.') {
                    matchHost = true;
                    host = "." + host;
                }
                try {
                    host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    // keep as is
                }
                np.domains.add(new DomainMatch(host, port, matchHost));
            }
            return np;
        }

        /** Go's {@code useProxy(canonicalAddr)}. */
        boolean useProxy(String host, int port) {
            String h = host;
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            h = h.strip().toLowerCase(Locale.ROOT);
            if (h.equals("localhost")) {
                return false;
            }
            byte[] ip = parseIp(h);
            if (ip != null && isLoopback(ip)) {
                return false;
            }
            if (all) {
                return false;
            }
            String p = Integer.toString(port);
            if (ip != null) {
                for (CidrMatch c : cidrs) {
                    if (c.contains(ip)) {
                        return false;
                    }
                }
                for (IpMatch m : ips) {
                    if (java.util.Arrays.equals(normalize(m.ip), normalize(ip)) && (m.port.isEmpty() || m.port.equals(p))) {
                        return false;
                    }
                }
            }
            String name = h;
            try {
                name = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                // keep
            }
            for (DomainMatch d : domains) {
                if (d.match(name, p)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isLoopback(byte[] ip) {
            byte[] n = normalize(ip);
            if (n.length == 4) {
                return n[0] == 127;
            }
            for (int i = 0; i < 15; i++) {
                if (n[i] != 0) {
                    return false;
                }
            }
            return n[15] == 1;
        }

        /** IPv4-mapped IPv6 addresses compare as IPv4, as Go's {@code IP.Equal} does. */
        private static byte[] normalize(byte[] ip) {
            if (ip.length == 16) {
                boolean mapped = true;
                for (int i = 0; i < 10; i++) {
                    mapped &= ip[i] == 0;
                }
                mapped &= ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
                if (mapped) {
                    return java.util.Arrays.copyOfRange(ip, 12, 16);
                }
            }
            return ip;
        }

        /** {@code host:port} or {@code [v6]:port} → {host, port}; {@code null} when there is no port part. */
        private static String[] splitHostPort(String s) {
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close > 0 && close + 1 < s.length() && s.charAt(close + 1) == ':') {
                    return new String[] {s.substring(1, close), s.substring(close + 2)};
                }
                return null;
            }
            int colon = s.lastIndexOf(':');
            if (colon < 0 || s.indexOf(':') != colon) {
                return null; // no port, or a bare IPv6 address
            }
            return new String[] {s.substring(0, colon), s.substring(colon + 1)};
        }

        private static Integer parseInt(String s) {
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** A literal IPv4/IPv6 address as bytes, without any name lookup; {@code null} for a name. */
        static byte[] parseIp(String s) {
            if (s.isEmpty()) {
                return null;
            }
            boolean v4 = s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
            boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
            if (v4) {
                String[] parts = s.split("\\.", -1);
                if (parts.length != 4) {
                    return null;
                }
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    if (parts[i].isEmpty() || parts[i].length() > 3) {
                        return null;
                    }
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) {
                        return null;
                    }
                    b[i] = (byte) v;
                }
                return b;
            }
            if (v6) {
                try {
                    return InetAddress.getByName(s).getAddress(); // a literal: no lookup
                } catch (UnknownHostException e) {
                    return null;
                }
            }
            return null;
        }
    }
}
