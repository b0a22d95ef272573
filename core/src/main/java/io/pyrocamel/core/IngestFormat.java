package io.pyrocamel.core;

import java.util.Locale;

/**
 * Body formats of {@code /ingest}, decided as SPEC.md §2.3 says: the first matching row wins.
 */
public enum IngestFormat {
    TRIE("trie"),
    TREE("tree"),
    LINES("lines"),
    JFR("jfr"),
    PPROF("pprof"),
    SPEEDSCOPE("speedscope"),
    /** Multipart form with a {@code profile} pprof field (what the SDKs send without {@code format}). */
    PPROF_FORM("pprof"),
    /** {@code frame;frame count} per line; also {@code collapsed} and no format at all. */
    FOLDED("folded");

    private final String queryValue;

    IngestFormat(String queryValue) {
        this.queryValue = queryValue;
    }

    /** The value of the {@code format} query parameter that selects this format. */
    public String queryValue() {
        return queryValue;
    }

    public static IngestFormat detect(String formatParam, String contentType) {
        String f = formatParam == null ? "" : formatParam.toLowerCase(Locale.ROOT);
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (f.equals("trie") || ct.contains("binary/octet-stream+trie")) {
            return TRIE;
        }
        if (f.equals("tree") || ct.contains("binary/octet-stream+tree")) {
            return TREE;
        }
        switch (f) {
            case "lines":
                return LINES;
            case "jfr":
                return JFR;
            case "pprof":
                return PPROF;
            case "speedscope":
                return SPEEDSCOPE;
            default:
                break;
        }
        if (ct.contains("multipart/form-data")) {
            return PPROF_FORM;
        }
        return FOLDED;
    }

    /** True when the body is multipart: the pprof form, and JFR sent as {@code multipart/form-data}. */
    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("multipart/form-data");
    }
}
