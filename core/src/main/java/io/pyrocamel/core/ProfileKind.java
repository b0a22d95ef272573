package io.pyrocamel.core;

/** The two kinds of profile (SPEC.md §0); neither is ever converted into the other. */
public enum ProfileKind {
    /** Labels + raw pprof samples; sent with the Connect {@code PusherService/Push} call. */
    PUSH,
    /** Labels + an untouched {@code /ingest} request; sent to {@code /ingest}. */
    INGEST
}
