package io.pyrocamel.receive;

import io.netty.handler.codec.http.HttpResponseStatus;

/** Connect error codes with their wire names and HTTP statuses (SPEC.md §1.2). */
enum ConnectCode {
    CANCELED("canceled", 499),
    UNKNOWN("unknown", 500),
    INVALID_ARGUMENT("invalid_argument", 400),
    DEADLINE_EXCEEDED("deadline_exceeded", 504),
    NOT_FOUND("not_found", 404),
    ALREADY_EXISTS("already_exists", 409),
    PERMISSION_DENIED("permission_denied", 403),
    RESOURCE_EXHAUSTED("resource_exhausted", 429),
    FAILED_PRECONDITION("failed_precondition", 400),
    ABORTED("aborted", 409),
    OUT_OF_RANGE("out_of_range", 400),
    UNIMPLEMENTED("unimplemented", 501),
    INTERNAL("internal", 500),
    UNAVAILABLE("unavailable", 503),
    DATA_LOSS("data_loss", 500),
    UNAUTHENTICATED("unauthenticated", 401);

    private final String wireName;
    private final HttpResponseStatus status;

    ConnectCode(String wireName, int status) {
        this.wireName = wireName;
        this.status = HttpResponseStatus.valueOf(status);
    }

    String wireName() {
        return wireName;
    }

    HttpResponseStatus httpStatus() {
        return status;
    }

    /** The code a Pyroscope server uses for an HTTP status in its JSON error body. */
    static ConnectCode forStatus(int status) {
        return switch (status) {
            case 400, 411, 413, 415, 422 -> INVALID_ARGUMENT;
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 405, 501 -> UNIMPLEMENTED;
            case 408, 504 -> DEADLINE_EXCEEDED;
            case 409 -> ABORTED;
            case 429 -> RESOURCE_EXHAUSTED;
            case 502, 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : UNKNOWN;
        };
    }
}
