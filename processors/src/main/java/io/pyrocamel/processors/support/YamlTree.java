package io.pyrocamel.processors.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a YAML 1.2 document (JSON is a subset) into plain Java values without type guessing: mappings become
 * {@code Map<String, Object>} (insertion ordered), sequences {@code List<Object>}, scalars the exact {@code String}
 * written ({@code regex: 1.0} stays {@code "1.0"}, {@code regex: "false"} stays {@code "false"}), and a plain
 * {@code null} ({@code Null}, {@code NULL}), {@code ~} or empty value becomes {@code null}. Duplicate keys and non-scalar keys are errors.
 *
 * @since 0.1.0
 */
public final class YamlTree {

    private YamlTree() {
    }

    /** Thrown for text that is not a well-formed document. */
    public static final class YamlException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        YamlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Parses {@code text}; returns {@code null} for an empty document.
     *
     * @param what names the document in error messages (e.g. "rules")
     */
    public static Object parse(String text, String what) {
        LoadSettings settings = LoadSettings.builder().setLabel(what).setAllowRecursiveKeys(false)
                .setSchema(new CoreSchema()).build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> node = composer.getSingleNode();
            return node.map(n -> convert(n, new IdentityHashMap<>(), what)).orElse(null);
        } catch (YamlEngineException e) {
            throw new YamlException(what + " is not valid YAML/JSON: " + oneLine(e.getMessage()), e);
        }
    }

    private static Object convert(Node node, IdentityHashMap<Node, Boolean> path, String what) {
        if (node instanceof ScalarNode s) {
            if (Tag.NULL.equals(s.getTag())) {
                return null;
            }
            return s.getValue();
        }
        if (path.put(node, Boolean.TRUE) != null) {
            throw new YamlException(what + " is not valid: recursive alias", null);
        }
        try {
            if (node instanceof SequenceNode seq) {
                List<Object> l = new ArrayList<>(seq.getValue().size());
                for (Node n : seq.getValue()) {
                    l.add(convert(n, path, what));
                }
                return Collections.unmodifiableList(l);
            }
            if (node instanceof MappingNode map) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (NodeTuple t : map.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode k)) {
                        throw new YamlException(what + " is not valid: a mapping key must be a plain string", null);
                    }
                    String key = k.getValue();
                    if (m.containsKey(key)) {
                        throw new YamlException(what + " is not valid: duplicate key \"" + key + "\"", null);
                    }
                    m.put(key, convert(t.getValueNode(), path, what));
                }
                return Collections.unmodifiableMap(m);
            }
            throw new YamlException(what + " is not valid: unexpected node " + node.getNodeType(), null);
        } finally {
            path.remove(node);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    /** JSON string literal of {@code s}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Compact JSON of a tree of maps, lists, strings, numbers, booleans and nulls. */
    public static String toJson(Object value) {
        StringBuilder sb = new StringBuilder();
        writeJson(sb, value);
        return sb.toString();
    }

    private static void writeJson(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(quote(String.valueOf(e.getKey()))).append(':');
                writeJson(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Iterable<?> l) {
            sb.append('[');
            boolean first = true;
            for (Object o : l) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeJson(sb, o);
            }
            sb.append(']');
        } else {
            sb.append(quote(v.toString()));
        }
    }
}
