package io.pyrocamel.receive;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the receiver rejects: bad input (a 4xx) or an unsupported protocol feature. Never forwarded into the
 * route; the message goes to the client.
 */
final class ReceiveException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;
    private final transient ConnectCode code;

    ReceiveException(ConnectCode code, String message) {
        this(code.httpStatus(), code, message, null);
    }

    ReceiveException(HttpResponseStatus status, ConnectCode code, String message) {
        this(status, code, message, null);
    }

    ReceiveException(HttpResponseStatus status, ConnectCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.code = code;
    }

    HttpResponseStatus status() {
        return status;
    }

    ConnectCode code() {
        return code;
    }
}
