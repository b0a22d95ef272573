package io.pyrocamel.processors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pyrocamel.processors.relabel.InvalidRelabelRuleException;
import io.pyrocamel.processors.relabel.RelabelRules;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.ResourceHelper;

/**
 * Resolves the relabel rules of an endpoint from its options: {@code rules} (inline YAML/JSON), {@code rulesFile} (a
 * file, or {@code classpath:} / {@code file:} resource), {@code relabelRules} (a bean) or {@code rulesFrom} (another
 * relabel endpoint). At most one may be set; none = no rules. Errors name the endpoint and the option.
 *
 * @since 0.1.0
 */
public final class RulesOptions {

    private RulesOptions() {
    }

    /** Fails when more than one source of rules is set. */
    public static void checkOneSource(String where, String rules, String rulesFile, RelabelRules bean,
                                      String rulesFrom) {
        List<String> set = new ArrayList<>();
        if (rules != null && !rules.isBlank()) {
            set.add("rules");
        }
        if (rulesFile != null && !rulesFile.isBlank()) {
            set.add("rulesFile");
        }
        if (bean != null) {
            set.add("relabelRules");
        }
        if (rulesFrom != null && !rulesFrom.isBlank()) {
            set.add("rulesFrom");
        }
        if (set.size() > 1) {
            throw new IllegalArgumentException(where + ": set only one of the options rules, rulesFile, relabelRules,"
                    + " rulesFrom (got " + String.join(", ", set) + ")");
        }
    }

    /** Parses inline rules, naming the option in the error. */
    public static RelabelRules parseInline(String where, String rules) {
        try {
            return RelabelRules.parse(rules);
        } catch (InvalidRelabelRuleException e) {
            throw new IllegalArgumentException(where + ": option rules: " + e.getMessage(), e);
        }
    }

    /** Reads and parses a rules file, naming the option and file in the error. */
    public static RelabelRules loadFile(CamelContext context, String where, String rulesFile) {
        String text = readResource(context, where, "rulesFile", rulesFile);
        try {
            return RelabelRules.parse(text);
        } catch (InvalidRelabelRuleException e) {
            throw new IllegalArgumentException(where + ": option rulesFile (" + rulesFile + "): " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file named by an option: a plain path is a file (relative to the working directory); {@code classpath:},
     * {@code file:} and the other Camel resource schemes are honoured.
     */
    public static String readResource(CamelContext context, String where, String option, String location) {
        try {
            if (hasScheme(location)) {
                try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, location)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + ": option " + option + ": file not found: "
                    + Path.of(location).toAbsolutePath(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": option " + option + ": cannot read " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean hasScheme(String location) {
        int colon = location.indexOf(':');
        // a single letter before the colon is a Windows drive, not a scheme
        return colon > 1 && location.substring(0, colon).toLowerCase(Locale.ROOT).matches("[a-z][a-z0-9+.-]*");
    }

    /**
     * Finds the relabel endpoint named by {@code rulesFrom} ({@code pyroscope-relabel:NAME} or
     * {@code discovery-relabel:NAME}) among the endpoints of {@code context}.
     */
    public static RelabelRulesEndpoint findRulesSource(CamelContext context, Endpoint self, String rulesFrom) {
        String where = self.getEndpointUri();
        String ref = rulesFrom.replace("://", ":");
        int colon = ref.indexOf(':');
        if (colon <= 0 || colon == ref.length() - 1) {
            throw new IllegalArgumentException(where + ": option rulesFrom must be <scheme>:<name>, e.g."
                    + " discovery-relabel:pods, got \"" + rulesFrom + "\"");
        }
        String scheme = ref.substring(0, colon);
        String name = ref.substring(colon + 1);
        RelabelRulesEndpoint found = null;
        for (Endpoint e : context.getEndpoints()) {
            if (e != self && e instanceof RelabelRulesEndpoint r && r.getScheme().equals(scheme)
                    && r.getName().equals(name)) {
                if (found != null && found != r) {
                    throw new IllegalArgumentException(where + ": option rulesFrom: more than one endpoint is named "
                            + ref + " (" + found.getEndpointUri() + ", " + r.getEndpointUri() + ")");
                }
                found = r;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(where + ": option rulesFrom: no endpoint " + ref
                    + " in this CamelContext (it must be used by a route)");
        }
        if (found.isRulesFromOtherEndpoint()) {
            throw new IllegalArgumentException(where + ": option rulesFrom: " + ref
                    + " takes its rules from another endpoint itself; point at the endpoint that owns the rules");
        }
        return found;
    }
}
