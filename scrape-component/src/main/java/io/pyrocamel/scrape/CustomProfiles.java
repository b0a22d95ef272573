package io.pyrocamel.scrape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pyrocamel.scrape.support.YamlValues;

/**
 * Alloy's {@code profile.custom "<name>"} blocks as a YAML or JSON list:
 * {@code [{name: heap_inuse, path: /debug/pprof/heap, enabled: true, delta: false}]}. {@code name}, {@code path} and
 * {@code enabled} are required (as in Alloy), {@code delta} defaults to false; names are unique.
 *
 * @since 0.1.0
 */
public final class CustomProfiles {

    private static final Set<String> KEYS = Set.of("name", "path", "enabled", "delta");

    private CustomProfiles() {
    }

    /** Reads the list in a file given by the {@code customProfilesFile} option. */
    public static List<ProfileType> readFile(String file) {
        try {
            return parse(Files.readString(Path.of(file)), "customProfilesFile " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("customProfilesFile " + file + " cannot be read: " + e);
        }
    }

    /**
     * Parses a list of custom profile types.
     *
     * @param what names the option in error messages
     */
    public static List<ProfileType> parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Object tree = YamlValues.parse(text, what);
        if (tree == null) {
            return List.of();
        }
        if (!(tree instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " must be a list such as [{\"name\": \"heap\", \"path\":"
                                               + " \"/debug/pprof/heap\", \"enabled\": true}]");
        }
        List<ProfileType> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(what + ": entry [" + i + "] must be a map with name, path,"
                                                   + " enabled and delta");
            }
            for (Object k : m.keySet()) {
                if (!KEYS.contains(String.valueOf(k))) {
                    throw new IllegalArgumentException(what + ": entry [" + i + "] has unknown field \"" + k
                                                       + "\" (allowed: name, path, enabled, delta)");
                }
            }
            String name = string(m.get("name"));
            String path = string(m.get("path"));
            if (name.isEmpty()) {
                throw new IllegalArgumentException(what + ": entry [" + i + "] needs a name");
            }
            if (path.isEmpty()) {
                throw new IllegalArgumentException(what + ": custom profile " + name + " needs a path");
            }
            if (!m.containsKey("enabled")) {
                throw new IllegalArgumentException(what + ": custom profile " + name + " needs enabled (true or"
                                                   + " false), as Alloy's profile.custom block");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(what + ": custom profile name " + name + " is used twice; names"
                                                   + " must be unique");
            }
            boolean enabled = YamlValues.bool(m.get("enabled"), what + ": custom profile " + name + " enabled");
            boolean delta = m.containsKey("delta")
                    && YamlValues.bool(m.get("delta"), what + ": custom profile " + name + " delta");
            out.add(new ProfileType(name, path, enabled, delta));
        }
        return List.copyOf(out);
    }

    private static String string(Object o) {
        return o == null ? "" : o.toString().strip();
    }
}
