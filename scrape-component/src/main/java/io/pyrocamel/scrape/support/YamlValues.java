package io.pyrocamel.scrape.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

/**
 * Reads YAML 1.2 / JSON documents without type guessing: mappings become {@code Map}, sequences {@code List}, every
 * scalar the exact {@code String} written ({@code port: 0x10} stays {@code "0x10"}, {@code enabled: true} is
 * {@code "true"}); a plain {@code null}, {@code ~} or empty value is {@code null}. Duplicate keys are errors.
 *
 * @since 0.1.0
 */
public final class YamlValues {

    private YamlValues() {
    }

    /**
     * Parses {@code text}; {@code null} for an empty document.
     *
     * @param what names the document in error messages
     * @throws IllegalArgumentException naming {@code what} when the text is not YAML/JSON
     */
    public static Object parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LoadSettings settings = LoadSettings.builder().setLabel(what).setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false).build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> node = composer.getSingleNode();
            return node.map(n -> convert(n, what)).orElse(null);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(what + " is not valid YAML/JSON: " + oneLine(e.getMessage()), e);
        }
    }

    private static Object convert(Node node, String what) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getScalarStyle() == ScalarStyle.PLAIN && (v.isEmpty() || v.equals("~") || v.equals("null")
                                                            || v.equals("Null") || v.equals("NULL"))) {
                return null;
            }
            return v;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>(seq.getValue().size());
            for (Node n : seq.getValue()) {
                out.add(convert(n, what));
            }
            return out;
        }
        if (node instanceof MappingNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new IllegalArgumentException(what + ": keys must be strings");
                }
                if (out.containsKey(key.getValue())) {
                    throw new IllegalArgumentException(what + ": duplicate key \"" + key.getValue() + "\"");
                }
                out.put(key.getValue(), convert(t.getValueNode(), what));
            }
            return out;
        }
        throw new IllegalArgumentException(what + ": unsupported YAML node " + node.getNodeType());
    }

    /** A strict boolean: {@code true}/{@code false} in any case. */
    public static boolean bool(Object value, String what) {
        String s = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(what + " must be true or false, was \"" + value + "\"");
    }

    /**
     * A list of label maps ({@code [{"__address__": "localhost:6060", "service_name": "app"}]}), YAML or JSON.
     *
     * @param what names the option in error messages
     */
    public static List<Target> targets(String text, String what) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Object tree = parse(text, what);
        if (tree == null) {
            return List.of();
        }
        if (!(tree instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " must be a list of label maps, e.g."
                    + " [{\"__address__\": \"localhost:6060\", \"service_name\": \"app\"}]");
        }
        List<Target> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(what + ": target [" + i
                                                   + "] must be a map of label names to values");
            }
            Labels.Builder b = Labels.builder();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                if (v instanceof List<?> || v instanceof Map<?, ?>) {
                    throw new IllegalArgumentException(what + ": target [" + i + "] label \"" + e.getKey()
                            + "\" must have a string value");
                }
                try {
                    b.set(String.valueOf(e.getKey()), v == null ? "" : v.toString());
                } catch (InvalidLabelException ex) {
                    throw new IllegalArgumentException(what + ": target [" + i + "]: " + ex.getMessage(), ex);
                }
            }
            out.add(new Target(b.build()));
        }
        return List.copyOf(out);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
