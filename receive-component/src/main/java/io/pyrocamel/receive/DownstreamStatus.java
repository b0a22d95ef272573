package io.pyrocamel.receive;

import java.lang.reflect.Method;

/**
 * Finds the HTTP status a downstream server answered, in a route failure: the first exception in the cause chain with
 * a public {@code int statusCode()} or {@code int getStatusCode()} method (pyroscope-write's failure, Camel's
 * {@code HttpOperationFailedException}, {@code NettyHttpOperationFailedException}). Used to mirror a downstream
 * {@code /ingest} answer as Alloy does (SPEC.md §2.4 step 6).
 */
final class DownstreamStatus {

    private DownstreamStatus() {
    }

    /** The downstream status (400-599), or -1. */
    static int of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (String m : new String[] { "statusCode", "getStatusCode" }) {
                try {
                    Method method = t.getClass().getMethod(m);
                    if (method.getReturnType() == int.class) {
                        int status = (int) method.invoke(t);
                        if (status >= 400 && status <= 599) {
                            return status;
                        }
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not this one
                }
            }
        }
        return -1;
    }
}
