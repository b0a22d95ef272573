package io.pyrocamel.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Target lists from the forms users and routes give them: an inline JSON list of label maps (the {@code targets}
 * option, Alloy's {@code targets = [{...}, ...]}), a {@link TargetSet}, or a collection of {@link Target},
 * {@link Labels} or maps.
 */
public final class Targets {

    private Targets() {
    }

    /**
     * Parses an inline JSON list of label maps: {@code [{"__address__":"localhost:6060","service_name":"app"}]}.
     * Values may be strings, numbers or booleans; anything else is an error naming the option.
     *
     * @param option the option the text came from, for error messages
     */
    public static List<Target> parseJson(String option, String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        Object parsed;
        try {
            parsed = Jsoner.deserialize(json.strip());
        } catch (DeserializationException e) {
            throw new IllegalArgumentException("option " + option + " must be a JSON list of label maps such as"
                                               + " [{\"__address__\":\"localhost:6060\"}]: " + e.getMessage(), e);
        }
        if (!(parsed instanceof JsonArray array)) {
            throw new IllegalArgumentException("option " + option + " must be a JSON list of label maps, was: "
                                               + abbreviate(json));
        }
        List<Target> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Object item = array.get(i);
            if (!(item instanceof JsonObject obj)) {
                throw new IllegalArgumentException("option " + option + ": target [" + i + "] is not a map of labels");
            }
            Labels.Builder b = Labels.builder();
            for (Map.Entry<String, Object> e : obj.entrySet()) {
                Object v = e.getValue();
                if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw new IllegalArgumentException("option " + option + ": target [" + i + "] label \""
                                                       + e.getKey() + "\" must have a string value");
                }
                try {
                    b.set(e.getKey(), v == null ? "" : v.toString());
                } catch (InvalidLabelException ex) {
                    throw new IllegalArgumentException("option " + option + ": target [" + i + "]: " + ex.getMessage(),
                            ex);
                }
            }
            out.add(new Target(b.build()));
        }
        return List.copyOf(out);
    }

    /**
     * The targets in a message body: a {@link TargetSet}, a collection of {@link Target}/{@link Labels}/maps, a JSON
     * string, or {@code null} (no targets).
     *
     * @throws IllegalArgumentException for any other body
     */
    public static List<Target> fromBody(Object body) {
        if (body == null) {
            return List.of();
        }
        if (body instanceof TargetSet set) {
            return set.targets();
        }
        if (body instanceof String s) {
            return parseJson("body", s);
        }
        if (body instanceof Collection<?> c) {
            List<Target> out = new ArrayList<>(c.size());
            for (Object o : c) {
                if (o instanceof Target t) {
                    out.add(t);
                } else if (o instanceof Labels l) {
                    out.add(new Target(l));
                } else if (o instanceof Map<?, ?> m) {
                    Labels.Builder b = Labels.builder();
                    m.forEach((k, v) -> b.set(String.valueOf(k), v == null ? "" : String.valueOf(v)));
                    out.add(new Target(b.build()));
                } else {
                    throw new IllegalArgumentException("a target list must hold targets, label sets or maps, found "
                                                       + (o == null ? "null" : o.getClass().getName()));
                }
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("expected a target list (TargetSet, list of targets or maps, or JSON), found "
                                           + body.getClass().getName());
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
