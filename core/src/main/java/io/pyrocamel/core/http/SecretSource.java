package io.pyrocamel.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret given inline or as a file. A file is read again on every call to {@link #read()} (Alloy documents that
 * {@code password_file}, {@code bearer_token_file}, {@code credentials_file} and {@code client_secret_file} are read on
 * every outgoing request), and its content is trimmed of surrounding whitespace as Prometheus' {@code FileSecret} does.
 *
 * @param inline the inline secret, or {@code null}
 * @param file   the file, or {@code null}
 * @param option the option name of the file, for error messages
 */
public record SecretSource(Secret inline, Path file, String option) {

    /** A source, or {@code null} when neither is set. */
    public static SecretSource of(Secret inline, String file, String fileOption) {
        if (inline == null && (file == null || file.isEmpty())) {
            return null;
        }
        return new SecretSource(inline, inline != null ? null : Path.of(file), fileOption);
    }

    /** The current value: the inline secret, or the file's content now. */
    public String read() throws IOException {
        if (inline != null) {
            return inline.reveal();
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IOException("unable to read " + option + " " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return inline != null ? "<secret>" : "file " + file;
    }
}
