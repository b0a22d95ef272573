package io.pyrocamel.store;

import java.util.Locale;

/**
 * How a profile lies on disk in the store: the file-name extension tells the format, so a reader (and a person with
 * {@code ls}) never has to open a file to know what it is.
 *
 * @since 0.1.0
 */
public enum StoredFormat {
    /** pprof protobuf, always gzipped ({@code go tool pprof file.pb.gz}). */
    PPROF(".pb.gz"),
    /** A JFR recording, uncompressed ({@code jfr print file.jfr}). */
    JFR(".jfr"),
    /** Folded stacks, {@code frame;frame count} per line (flamegraph.pl input). */
    FOLDED(".folded.txt"),
    /** One stack {@code frame;frame} per line; a repeated line counts once more. */
    LINES(".lines.txt"),
    /** A speedscope JSON document. */
    SPEEDSCOPE(".speedscope.json"),
    /** Pyroscope's legacy binary trie format, stored as received. */
    TRIE(".trie.bin"),
    /** Pyroscope's legacy binary tree format, stored as received. */
    TREE(".tree.bin");

    /** Extension of the sidecar file that holds a profile's labels and metadata. */
    public static final String SIDECAR_EXTENSION = ".labels.json";

    private final String extension;

    StoredFormat(String extension) {
        this.extension = extension;
    }

    /** The file-name extension, with the leading dot ({@code .pb.gz}). */
    public String extension() {
        return extension;
    }

    /** The lower-case name used in sidecars ({@code pprof}, {@code jfr}, ...). */
    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format whose extension ends {@code fileName}, or {@code null}. */
    public static StoredFormat ofFileName(String fileName) {
        for (StoredFormat f : values()) {
            if (fileName.endsWith(f.extension)) {
                return f;
            }
        }
        return null;
    }
}
