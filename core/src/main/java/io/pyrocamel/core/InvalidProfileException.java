package io.pyrocamel.core;

/** A body that is not a profile of the format it claims (bad gzip, bad protobuf, bad JFR header...). */
public final class InvalidProfileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
        super(message);
    }

    public InvalidProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
