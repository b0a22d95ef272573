package io.pyrocamel.core;

/**
 * The {@code name} query of {@code /ingest}: {@code app.cpu{k1=v1,k2=v2}} (SPEC.md §2.2, Pyroscope's labelset
 * grammar).
 *
 * <p>Characters before the first {@code {} are the application name (trimmed, non-empty, {@code [A-Za-z0-9_.\-/]}),
 * which becomes {@code __name__}. Inside the braces, characters up to {@code =} form a key and characters up to
 * {@code ,} or {@code }} the value; both are trimmed. There is no quoting or escaping: an {@code =} inside a value is
 * kept, a value cannot hold {@code ,} or {@code }}. Keys must match {@code [A-Za-z0-9_.]+} and may not be
 * {@code __name__}. As upstream: a trailing key with no {@code =} before {@code }} is ignored, a pair left open at the
 * end of the string is ignored, a stray {@code ,} before any {@code =} becomes part of the key (and fails), and text
 * after {@code }} is ignored. An empty value means "no label" (Prometheus semantics).
 */
public final class IngestName {

    private IngestName() {
    }

    /**
     * Parses a {@code name} query value into labels.
     *
     * @throws InvalidLabelException naming the offending part when the app name or a key is invalid
     */
    public static Labels parse(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidLabelException(LabelNames.NAME, "service name is required: the name query is empty");
        }
        Labels.Builder labels = Labels.builder();
        int brace = name.indexOf('{');
        String app = (brace < 0 ? name : name.substring(0, brace)).trim();
        validateAppName(app);
        labels.set(LabelNames.NAME, app);
        if (brace < 0) {
            return labels.build();
        }
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        for (int i = brace + 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!inValue) {
                if (c == '}') {
                    break; // a trailing key without '=' is ignored; text after '}' too
                } else if (c == '=') {
                    inValue = true;
                } else {
                    key.append(c);
                }
            } else if (c == ',' || c == '}') {
                String k = key.toString().trim();
                String v = value.toString().trim();
                validateKey(k, name);
                if (!LabelNames.isValidValue(v)) {
                    throw new InvalidLabelException(k, "invalid value of label \"" + k + "\" in name \"" + name
                                                       + "\": not valid UTF-8");
                }
                labels.set(k, v);
                key.setLength(0);
                value.setLength(0);
                inValue = false;
                if (c == '}') {
                    break;
                }
            } else {
                value.append(c);
            }
        }
        return labels.build();
    }

    private static void validateAppName(String app) {
        if (app.isEmpty()) {
            throw new InvalidLabelException(LabelNames.NAME, "service name is required: the name query has no"
                                                             + " application name before '{'");
        }
        for (int i = 0; i < app.length(); i++) {
            char c = app.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                         || c == '.' || c == '-' || c == '/';
            if (!ok) {
                throw new InvalidLabelException(LabelNames.NAME, "invalid application name \"" + app
                                                                 + "\": allowed characters are [A-Za-z0-9_.-/]");
            }
        }
    }

    private static void validateKey(String key, String name) {
        if (key.equals(LabelNames.NAME)) {
            throw new InvalidLabelException(key, "label \"__name__\" may not be set inside the braces of name \""
                                                 + name + "\"");
        }
        if (!LabelNames.isValidName(key)) {
            throw new InvalidLabelException(key, "invalid label name \"" + key + "\" in name \"" + name
                                                 + "\": a label name must match [A-Za-z0-9_.]+");
        }
    }

    /**
     * The normalized form: app name ({@code __name__}) + {@code {} + the other labels sorted by name as {@code k=v}
     * joined by {@code ,} + {@code }}, e.g. {@code svc{env=prod,region=eu}} or {@code svc{}}.
     *
     * @throws InvalidLabelException when the labels have no {@code __name__}
     */
    public static String format(Labels labels) {
        String app = labels.get(LabelNames.NAME);
        if (app == null) {
            throw new InvalidLabelException(LabelNames.NAME, "service name is required: no __name__ label");
        }
        StringBuilder sb = new StringBuilder(app.length() + 16 * labels.size()).append(app).append('{');
        boolean first = true;
        for (int i = 0; i < labels.size(); i++) {
            String n = labels.name(i);
            if (n.equals(LabelNames.NAME)) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            sb.append(n).append('=').append(labels.value(i));
            first = false;
        }
        return sb.append('}').toString();
    }
}
