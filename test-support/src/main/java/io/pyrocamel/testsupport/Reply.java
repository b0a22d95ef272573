package io.pyrocamel.testsupport;

import java.time.Duration;

/**
 * What the {@link PyroscopeDouble} answers to one request, instead of its normal Pyroscope behaviour.
 *
 * @param kind    what to do
 * @param status  HTTP status (for {@link Kind#STATUS} and {@link Kind#CONNECT_ERROR})
 * @param code    Connect error code name (for {@link Kind#CONNECT_ERROR})
 * @param message error message / plain body
 * @param delay   how long to stall ({@link Kind#STALL}), {@code null} = until the client gives up or the double stops
 */
public record Reply(Kind kind, int status, String code, String message, Duration delay) {

    public enum Kind {
        /** Normal Pyroscope behaviour: validate, record, 200. */
        NORMAL,
        /** Plain status with a text body (a proxy or load balancer error). */
        STATUS,
        /** A Connect error: JSON {@code {"code","message"}} with the status. */
        CONNECT_ERROR,
        /** Never answer, or give the normal answer after {@code delay}. */
        STALL,
        /** Close the connection without answering. */
        CLOSE,
        /** A redirect: {@code status} with {@code Location: message}. */
        REDIRECT
    }

    /** A redirect ({@code 301, 302, 303, 307, 308}) to {@code location} (absolute, or a path on the double). */
    public static Reply redirect(int status, String location) {
        return new Reply(Kind.REDIRECT, status, null, location, null);
    }

    public static Reply normal() {
        return new Reply(Kind.NORMAL, 200, null, null, null);
    }

    public static Reply status(int status, String body) {
        return new Reply(Kind.STATUS, status, null, body, null);
    }

    public static Reply status(int status) {
        return status(status, statusText(status));
    }

    public static Reply connectError(int status, String code, String message) {
        return new Reply(Kind.CONNECT_ERROR, status, code, message, null);
    }

    public static Reply stall() {
        return new Reply(Kind.STALL, 0, null, null, null);
    }

    public static Reply stall(Duration delay) {
        return new Reply(Kind.STALL, 0, null, null, delay);
    }

    public static Reply close() {
        return new Reply(Kind.CLOSE, 0, null, null, null);
    }

    static String statusText(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
