package io.pyrocamel.core.http;

import java.util.Objects;

/**
 * A secret string (password, token, key). {@link #toString()} never shows the value, so a secret can sit in records,
 * logs and exception messages without leaking; only {@link #reveal()} gives it out, at the point of use.
 */
public final class Secret {

    private static final String MASK = "<secret>";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret, or {@code null} for a null or empty value (an empty secret is "not set", as in Alloy). */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    /** The secret value. Call only where it is sent, never to log or format it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
