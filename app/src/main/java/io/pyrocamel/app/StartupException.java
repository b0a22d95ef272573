package io.pyrocamel.app;

/**
 * A start-up failure with a message meant for the operator: one line that names what is wrong (route file, option,
 * value, property). The application logs {@link #getMessage()} at ERROR and the cause's stack trace at DEBUG only.
 */
public class StartupException extends RuntimeException {

    private final int exitCode;

    public StartupException(String message) {
        this(message, null, PyrocamelApplication.EXIT_STARTUP_FAILED);
    }

    public StartupException(String message, Throwable cause) {
        this(message, cause, PyrocamelApplication.EXIT_STARTUP_FAILED);
    }

    public StartupException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code for this failure: 1 for configuration/route errors, 2 for command-line errors. */
    public int getExitCode() {
        return exitCode;
    }
}
