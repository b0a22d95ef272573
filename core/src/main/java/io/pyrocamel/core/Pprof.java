package io.pyrocamel.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

import io.pyrocamel.core.proto.pprof.Profile;

/**
 * pprof helpers: gzip detection by magic bytes, bounded gunzip, decoding into the project's {@link Profile} class.
 */
public final class Pprof {

    /** Largest decompressed profile accepted by {@link #decode}: 256 MiB, ample for real profiles, bounds zip bombs. */
    public static final int DEFAULT_MAX_DECOMPRESSED = 256 << 20;

    private Pprof() {
    }

    public static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    public static boolean isGzip(ByteString b) {
        return b.size() >= 2 && (b.byteAt(0) & 0xff) == 0x1f && (b.byteAt(1) & 0xff) == 0x8b;
    }

    /** The bytes, gunzipped when they start with the gzip magic; at most {@code maxBytes} after decompression. */
    public static ByteString gunzipIfNeeded(ByteString raw, int maxBytes) throws IOException {
        if (!isGzip(raw)) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(raw.newInput(), 64 * 1024)) {
            return readBounded(in, maxBytes);
        }
    }

    /** Reads the stream fully, failing with an {@link IOException} once more than {@code maxBytes} arrive. */
    public static ByteString readBounded(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new IOException("profile larger than " + maxBytes + " bytes after decompression");
            }
            out.write(buf, 0, n);
        }
        return ByteString.copyFrom(out.toByteArray());
    }

    /**
     * Decodes a pprof profile, gzipped or plain.
     *
     * @throws InvalidProfileException when the bytes are not a gzip stream or not a pprof protobuf
     */
    public static Profile decode(ByteString raw) {
        return decode(raw, DEFAULT_MAX_DECOMPRESSED);
    }

    public static Profile decode(ByteString raw, int maxDecompressed) {
        ByteString plain;
        try {
            plain = gunzipIfNeeded(raw, maxDecompressed);
        } catch (IOException e) {
            throw new InvalidProfileException("not a valid gzip stream: " + e.getMessage(), e);
        }
        if (plain.isEmpty()) {
            throw new InvalidProfileException("empty pprof profile");
        }
        try {
            CodedInputStream cis = plain.newCodedInput();
            cis.setSizeLimit(Integer.MAX_VALUE);
            Profile p = Profile.parseFrom(cis);
            cis.checkLastTagWas(0);
            if (p.getStringTableCount() == 0 || !p.getStringTable(0).isEmpty()) {
                throw new InvalidProfileException("not a pprof profile: string_table[0] must be \"\"");
            }
            return p;
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidProfileException("not a pprof protobuf: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Profile decode(byte[] raw) {
        return decode(ByteString.copyFrom(raw));
    }

    /** Gzips bytes (default level). */
    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The string at a string-table index, or {@code ""} when out of range. */
    public static String string(Profile p, long index) {
        return index >= 0 && index < p.getStringTableCount() ? p.getStringTable((int) index) : "";
    }
}
