package io.pyrocamel.receive;

import java.util.Locale;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.pyrocamel.core.Durations;

/**
 * {@code pyroscope-receive-http}: Alloy's {@code pyroscope.receive_http} as a Camel consumer.
 *
 * @since 0.1.0
 */
@Component("pyroscope-receive-http")
public final class PyroscopeReceiveHttpComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("pyroscope-receive-http needs a name: pyroscope-receive-http:NAME");
        }
        PyroscopeReceiveHttpEndpoint endpoint = new PyroscopeReceiveHttpEndpoint(uri, this);
        endpoint.setName(remaining);
        Object size = parameters.remove("maxBodySize");
        if (size != null) {
            endpoint.setMaxBodySize(parseSize(size.toString()));
        }
        // Camel's generic conversion turns "banana" or "-1s" into 0: parse the timeouts strictly first
        Durations.parseStrictly(parameters, "serverReadTimeout", "serverWriteTimeout", "serverIdleTimeout");
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * A byte count: plain digits, or digits with a unit: B, KB/KiB, MB/MiB, GB/GiB (both spellings are powers of 1024,
     * as for Go's command-line sizes), case-insensitive.
     */
    static long parseSize(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("maxBodySize: \"" + text + "\" is not a size (use e.g. 65536, 64MiB)");
        }
        long n;
        try {
            n = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxBodySize: \"" + text + "\" is too large", e);
        }
        String unit = s.substring(i).trim();
        long mult = switch (unit) {
            case "", "B" -> 1;
            case "K", "KB", "KIB" -> 1L << 10;
            case "M", "MB", "MIB" -> 1L << 20;
            case "G", "GB", "GIB" -> 1L << 30;
            default -> throw new IllegalArgumentException("maxBodySize: unknown unit \"" + unit + "\" in \"" + text
                                                          + "\" (use B, KiB, MiB or GiB)");
        };
        if (n > Long.MAX_VALUE / mult) {
            throw new IllegalArgumentException("maxBodySize: \"" + text + "\" is too large");
        }
        return n * mult;
    }
}
