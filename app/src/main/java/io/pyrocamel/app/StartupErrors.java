package io.pyrocamel.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.TypeConversionException;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.URISupport;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Turns an exception from Camel's start-up into one line for the operator, naming the route file (and line), the
 * route, the endpoint, the option and the value. Endpoint URIs are sanitized ({@link URISupport#sanitizeUri}).
 */
final class StartupErrors {

    private static final Pattern SOURCE = Pattern.compile("\\(source: ([^)]+)\\)");
    private static final Pattern UNKNOWN_PARAMETERS = Pattern.compile("Unknown parameters=\\[\\{(.*)}]", Pattern.DOTALL);

    private StartupErrors() {
    }

    static StartupException describe(Throwable failure, List<Path> routeFiles, CamelContext context) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof StartupException se) {
                return se;
            }
        }

        // 1. the YAML itself: syntax errors and DSL errors (unknown field, unknown step) carry a position
        MarkedYamlEngineException yaml = find(chain, MarkedYamlEngineException.class);
        if (yaml != null) {
            Optional<Mark> mark = yaml.getProblemMark();
            String file = mark.map(m -> fileOf(m.getName(), routeFiles)).orElse(singleFile(routeFiles));
            String where = mark.map(m -> ", line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
            String problem = yaml.getProblem() != null ? yaml.getProblem() : firstLine(yaml.getMessage());
            return new StartupException("Route file " + file + where + ": " + problem, failure);
        }

        // 2. a route that cannot be created or started: which file, which route, which endpoint and option
        String routeId = null;
        String source = null;
        FailedToCreateRouteException create = find(chain, FailedToCreateRouteException.class);
        FailedToStartRouteException start = find(chain, FailedToStartRouteException.class);
        if (create != null) {
            routeId = create.getRouteId();
            source = sourceOf(create.getMessage());
        } else if (start != null) {
            routeId = start.getRouteId();
            source = sourceOf(start.getMessage());
        }
        if (create == null && start == null && find(chain, ResolveEndpointFailedException.class) == null) {
            // not about a route: a configuration property (application.properties, environment, -D)
            return new StartupException(configuration(chain), failure);
        }
        String location = routeLocation(context, routeId, source, routeFiles);

        StringBuilder sb = new StringBuilder();
        sb.append(location);
        sb.append(": ").append(detail(chain));
        return new StartupException(sb.toString(), failure);
    }

    /** "Route file X (line N), route 'id'" as far as known. */
    private static String routeLocation(CamelContext context, String routeId, String source, List<Path> routeFiles) {
        String file = null;
        Integer line = null;
        if (routeId != null && context != null) {
            try {
                Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
                RouteDefinition def = model != null ? model.getRouteDefinition(routeId) : null;
                if (def != null && def.getResource() != null) {
                    file = fileOf(def.getResource().getLocation(), routeFiles);
                    if (def.getLineNumber() > 0) {
                        line = def.getLineNumber();
                    }
                }
            } catch (RuntimeException e) {
                // the context may be half torn down; fall back to the message
            }
        }
        if (file == null && source != null) {
            file = fileOf(source, routeFiles);
        }
        if (file == null) {
            file = singleFile(routeFiles);
        }
        StringBuilder sb = new StringBuilder("Route file ").append(file);
        if (line != null) {
            sb.append(", line ").append(line);
        }
        if (routeId != null) {
            sb.append(", route '").append(routeId).append('\'');
        }
        return sb.toString();
    }

    private static String detail(List<Throwable> chain) {
        ResolveEndpointFailedException resolve = find(chain, ResolveEndpointFailedException.class);
        String endpoint = resolve != null && resolve.getUri() != null
                ? "endpoint " + URISupport.sanitizeUri(resolve.getUri()) + ": " : "";

        PropertyBindingException binding = find(chain, PropertyBindingException.class);
        if (binding != null) {
            String option = binding.getPropertyName() != null ? binding.getPropertyName() : "?";
            TypeConversionException conversion = find(chain, TypeConversionException.class);
            String why = conversion != null && conversion.getToType() != null
                    ? "expected a " + conversion.getToType().getName()
                    : deepestMessage(chain);
            return endpoint + "invalid value for option '" + option + "': '" + maskIfSecret(option, binding.getValue())
                   + "' (" + why + ")";
        }

        // unknown options: Camel names them as "Unknown parameters=[{a=1, b=2}]"
        for (int i = chain.size() - 1; i >= 0; i--) {
            String msg = chain.get(i).getMessage();
            if (msg != null) {
                Matcher m = UNKNOWN_PARAMETERS.matcher(msg);
                if (m.find()) {
                    List<String> options = new ArrayList<>();
                    for (String pair : m.group(1).split(", ")) {
                        int eq = pair.indexOf('=');
                        String key = eq > 0 ? pair.substring(0, eq) : pair;
                        Object value = eq > 0 ? pair.substring(eq + 1) : "";
                        options.add("'" + key + "' (value '" + maskIfSecret(key, value) + "')");
                    }
                    return endpoint + (options.size() == 1 ? "unknown option " : "unknown options ")
                           + String.join(", ", options)
                           + ": check the spelling against the component's documented options";
                }
            }
        }

        NoSuchEndpointException noEndpoint = find(chain, NoSuchEndpointException.class);
        if (noEndpoint != null) {
            String uri = URISupport.sanitizeUri(noEndpoint.getUri());
            int colon = uri.indexOf(':');
            String scheme = colon > 0 ? uri.substring(0, colon) : uri;
            return "no component for endpoint " + uri + " (unknown scheme '" + scheme
                   + "': misspelled, or its component is not in this application)";
        }
        return endpoint + deepestMessage(chain);
    }

    private static String configuration(List<Throwable> chain) {
        PropertyBindingException binding = find(chain, PropertyBindingException.class);
        if (binding != null) {
            String name = binding.getPropertyName();
            if (binding.getOptionPrefix() != null) {
                name = binding.getOptionPrefix()
                       + (binding.getOptionKey() != null ? binding.getOptionKey() : binding.getPropertyName());
            }
            String problem = binding.getCause() == null
                    ? "no such option (check the spelling; an unknown camel.* key fails start-up)"
                    : "invalid value (" + deepestMessage(chain) + ")";
            return "Configuration property " + name + "=" + maskIfSecret(name, binding.getValue()) + ": " + problem;
        }
        return "Configuration error: " + deepestMessage(chain);
    }

    private static Object maskIfSecret(String option, Object value) {
        String key = option == null ? "" : option.toLowerCase(Locale.ROOT);
        if (key.contains("password") || key.contains("passphrase") || key.contains("secret") || key.contains("token")
            || key.contains("apikey") || key.contains("accesskey")) {
            return "xxxxxx";
        }
        return value;
    }

    private static String deepestMessage(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            String msg = chain.get(i).getMessage();
            if (msg != null && !msg.isBlank()) {
                return firstLine(msg);
            }
        }
        Throwable last = chain.get(chain.size() - 1);
        return last.getClass().getName();
    }

    private static String sourceOf(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = SOURCE.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /** Maps a resource location ("file:/abs/x.yaml") to the route file as given, else returns it without scheme. */
    private static String fileOf(String location, List<Path> routeFiles) {
        if (location == null) {
            return singleFile(routeFiles);
        }
        String loc = location.startsWith("file:") ? location.substring("file:".length()) : location;
        for (Path p : routeFiles) {
            if (p.toString().equals(loc) || p.toString().replace('\\', '/').equals(loc)) {
                return p.toString();
            }
        }
        return loc;
    }

    private static String singleFile(List<Path> routeFiles) {
        if (routeFiles.size() == 1) {
            return routeFiles.get(0).toString();
        }
        return "(one of " + routeFiles + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
        for (Throwable t : chain) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
