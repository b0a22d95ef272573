package io.pyrocamel.core.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Generates the options and headers tables of a component's doc page from the component JSON that
 * camel-component-maven-plugin writes, with the Alloy argument beside each Camel option, and checks that the page holds
 * exactly the generated tables.
 *
 * <p>The Alloy names come from {@code src/main/docs/<scheme>-alloy-names.properties} ({@code camelOption=alloy.name};
 * {@code -} for options Alloy does not have). Every endpoint option must be listed there, so a new option cannot ship
 * without its mapping. The tables sit between {@code // pyrocamel options: START}/{@code END} and
 * {@code // pyrocamel headers: START}/{@code END} markers. Run a module's tests with {@code -Dpyrocamel.updateDocs=true}
 * to rewrite the tables instead of failing.
 */
public final class ComponentDocs {

    static final String OPTIONS_START = "// pyrocamel options: START";
    static final String OPTIONS_END = "// pyrocamel options: END";
    static final String HEADERS_START = "// pyrocamel headers: START";
    static final String HEADERS_END = "// pyrocamel headers: END";

    private ComponentDocs() {
    }

    /** The component JSON the plugin generated for {@code scheme}, found next to the component class. */
    public static JsonObject componentJson(Class<?> componentClass, String scheme) {
        String path = "META-INF/" + componentClass.getPackageName().replace('.', '/') + "/" + scheme + ".json";
        try (InputStream in = componentClass.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no generated component JSON at " + path);
            }
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.camel.util.json.DeserializationException e) {
            throw new IllegalStateException("bad JSON at " + path, e);
        }
    }

    /** Camel option name → Alloy name, from the module's mapping file. */
    public static Map<String, String> alloyNames(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Alloy name mapping " + file, e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }

    /** The AsciiDoc options table: endpoint path and query options in the order of the JSON. */
    public static String optionsTable(JsonObject json, Map<String, String> alloy) {
        JsonObject props = (JsonObject) json.get("properties");
        StringBuilder missing = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        sb.append("[width=\"100%\",cols=\"2,2,1,1,5\",options=\"header\"]\n|===\n");
        sb.append("| Option | Alloy argument | Default | Type | Description\n");
        for (Map.Entry<String, Object> e : props.entrySet()) {
            String name = e.getKey();
            JsonObject o = (JsonObject) e.getValue();
            String a = alloy.get(name);
            if (a == null) {
                missing.append(' ').append(name);
                a = "?";
            }
            String label = str(o, "label");
            sb.append("| `").append(name).append('`');
            if (Boolean.TRUE.equals(o.get("required"))) {
                sb.append(" (required)");
            }
            if (!label.isEmpty()) {
                sb.append(" (").append(label).append(')');
            }
            sb.append(" | ").append(a.equals("-") ? "—" : "`" + a + "`");
            String def = str(o, "defaultValue");
            sb.append(" | ").append(def.isEmpty() ? "" : "`" + def + "`");
            sb.append(" | ").append(simpleType(o));
            String desc = cell(str(o, "description"));
            if (Boolean.TRUE.equals(o.get("secret"))) {
                desc += " Secret: masked in logs and URIs.";
            }
            sb.append(" | ").append(desc).append('\n');
        }
        sb.append("|===\n");
        if (missing.length() > 0) {
            throw new IllegalStateException("options without an Alloy name in the mapping file:" + missing
                                            + " (use '-' for options Alloy does not have)");
        }
        return sb.toString();
    }

    /** The AsciiDoc headers table, or a sentence when the component declares none. */
    public static String headersTable(JsonObject json) {
        JsonObject headers = (JsonObject) json.get("headers");
        if (headers == null || headers.isEmpty()) {
            return "This component uses no message headers.\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("[width=\"100%\",cols=\"2,1,5\",options=\"header\"]\n|===\n");
        sb.append("| Header | Type | Description\n");
        for (Map.Entry<String, Object> e : headers.entrySet()) {
            JsonObject o = (JsonObject) e.getValue();
            String name = str(o, "constantName");
            String shown = e.getKey();
            sb.append("| `").append(shown).append('`');
            if (!name.isEmpty()) {
                sb.append(" (`").append(name.substring(name.lastIndexOf('#') + 1)).append("`)");
            }
            sb.append(" | ").append(simpleType(o)).append(" | ").append(cell(str(o, "description"))).append('\n');
        }
        sb.append("|===\n");
        return sb.toString();
    }

    /**
     * Checks (or, with {@code -Dpyrocamel.updateDocs=true}, rewrites) the generated tables in the doc page.
     *
     * @return a description of the difference, or {@code null} when the page is up to date
     */
    public static String verify(Class<?> componentClass, String scheme, Path docPage, Path alloyNameFile) {
        JsonObject json = componentJson(componentClass, scheme);
        String options = optionsTable(json, alloyNames(alloyNameFile));
        String headers = headersTable(json);
        String page;
        try {
            page = Files.readString(docPage);
        } catch (IOException e) {
            return "no doc page " + docPage;
        }
        String updated = replaceBetween(page, OPTIONS_START, OPTIONS_END, options);
        if (page.contains(HEADERS_START)) { // optional: a page may describe its headers by hand, per direction
            updated = replaceBetween(updated, HEADERS_START, HEADERS_END, headers);
        }
        if (updated.equals(page)) {
            return null;
        }
        if (Boolean.getBoolean("pyrocamel.updateDocs")) {
            try {
                Files.writeString(docPage, updated);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }
        return docPage + " does not hold the tables generated from the component JSON; run the module's tests with"
               + " -Dpyrocamel.updateDocs=true and commit the page";
    }

    static String replaceBetween(String page, String start, String end, String content) {
        int s = page.indexOf(start);
        int e = page.indexOf(end);
        if (s < 0 || e < s) {
            throw new IllegalStateException("doc page lacks the markers '" + start + "' and '" + end + "'");
        }
        int from = s + start.length();
        return page.substring(0, from) + "\n" + content + page.substring(e);
    }

    private static String simpleType(JsonObject o) {
        String javaType = str(o, "javaType");
        if (javaType.equals("java.time.Duration") || str(o, "type").equals("duration")) {
            return "duration";
        }
        String t = str(o, "type");
        return t.isEmpty() ? javaType : t;
    }

    private static String str(JsonObject o, String key) {
        Object v = o.get(key);
        return v == null ? "" : v.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
