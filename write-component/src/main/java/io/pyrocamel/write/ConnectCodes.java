package io.pyrocamel.write;

import java.util.Set;

/** Connect error codes (SPEC.md §1.2) and what the write retry loop does with them (§4.4, §12.1). */
final class ConnectCodes {

    static final String CANCELED = "canceled";
    static final String UNKNOWN = "unknown";
    static final String INVALID_ARGUMENT = "invalid_argument";
    static final String DEADLINE_EXCEEDED = "deadline_exceeded";
    static final String NOT_FOUND = "not_found";
    static final String PERMISSION_DENIED = "permission_denied";
    static final String RESOURCE_EXHAUSTED = "resource_exhausted";
    static final String INTERNAL = "internal";
    static final String UNAVAILABLE = "unavailable";
    static final String UNIMPLEMENTED = "unimplemented";
    static final String UNAUTHENTICATED = "unauthenticated";

    /** Retried codes (Alloy's {@code shouldRetry}). */
    static final Set<String> RETRYABLE = Set.of(DEADLINE_EXCEEDED, UNKNOWN, RESOURCE_EXHAUSTED, INTERNAL, UNAVAILABLE,
            "data_loss", "aborted");

    static final Set<String> ALL = Set.of(CANCELED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND,
            "already_exists", PERMISSION_DENIED, RESOURCE_EXHAUSTED, "failed_precondition", "aborted", "out_of_range",
            UNIMPLEMENTED, INTERNAL, UNAVAILABLE, "data_loss", UNAUTHENTICATED);

    private ConnectCodes() {
    }

    /** A Connect client's code for an HTTP status whose body is not a Connect error (connect-go httpToCode). */
    static String fromHttpStatus(int status) {
        return switch (status) {
            case 400 -> INTERNAL;
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> UNIMPLEMENTED;
            case 429, 502, 503, 504 -> UNAVAILABLE;
            default -> UNKNOWN;
        };
    }
}
