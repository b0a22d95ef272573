package io.pyrocamel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the content of a new temporary file and renames it to its final name. A seam for tests that simulate a
 * crash in the middle of a write or between the two renames.
 */
@FunctionalInterface
interface TempFileWriter {

    TempFileWriter DEFAULT = (tmp, data, fsync) -> {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bb = ByteBuffer.wrap(data);
            while (bb.hasRemaining()) {
                ch.write(bb);
            }
            if (fsync) {
                ch.force(true);
            }
        }
    };

    /** Creates {@code tmp} (it does not exist yet) and writes {@code data} to it. */
    void write(Path tmp, byte[] data, boolean fsync) throws IOException;

    /** Renames a finished temporary file to its final name, atomically. */
    default void move(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
