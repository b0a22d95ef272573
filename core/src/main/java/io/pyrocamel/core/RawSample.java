package io.pyrocamel.core;

import java.util.Objects;

import com.google.protobuf.ByteString;

/**
 * One serialized pprof profile exactly as produced (gzipped or plain) with its optional ID. The bytes are an immutable
 * {@link ByteString}, so passing a sample on never copies it.
 *
 * @param rawProfile the pprof bytes, untouched
 * @param id         profile UUID, or {@code ""}
 */
public record RawSample(ByteString rawProfile, String id) {

    public RawSample {
        Objects.requireNonNull(rawProfile, "rawProfile");
        id = id == null ? "" : id;
    }

    public static RawSample of(byte[] rawProfile) {
        return new RawSample(ByteString.copyFrom(rawProfile), "");
    }

    public static RawSample of(ByteString rawProfile) {
        return new RawSample(rawProfile, "");
    }

    /** Size of the raw bytes, as counted by the write metrics. */
    public int size() {
        return rawProfile.size();
    }

    /** True when the bytes start with the gzip magic {@code 1f 8b}. */
    public boolean isGzipped() {
        return Pprof.isGzip(rawProfile);
    }

    @Override
    public String toString() {
        return "RawSample[" + rawProfile.size() + " bytes" + (id.isEmpty() ? "" : ", id=" + id) + "]";
    }
}
