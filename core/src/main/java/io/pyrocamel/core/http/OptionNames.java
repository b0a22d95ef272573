package io.pyrocamel.core.http;

/**
 * Option names used in validation messages: the flattened Camel names ({@code basicAuthPassword}, {@code tlsCaFile},
 * {@code oauth2TlsCaFile}, {@code oauth2ProxyUrl}). A nested block adds its prefix, camel-cased.
 */
final class OptionNames {

    private OptionNames() {
    }

    static String of(String prefix, String name) {
        if (prefix == null || prefix.isEmpty()) {
            return name;
        }
        return prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
