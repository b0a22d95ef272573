package io.pyrocamel.receive;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Profile;

/**
 * Sends the profiles of one request into the route, one exchange each, in order, without blocking: each exchange's
 * completion starts the next. All are sent even after a failure (as Alloy's fan-out); the outcome is the first
 * failure, or none. An exchange the route stops (filter, relabel drop) counts as done.
 */
final class RouteDispatcher {

    /** The outcome: {@code failure} is the first exception of a failed exchange, or {@code null}. */
    record Outcome(int sent, Throwable failure) {
    }

    private final PyroscopeReceiveHttpConsumer consumer;
    private final List<? extends Profile> profiles;
    private final String tenant;
    private final Instant deadline;
    private final Consumer<Outcome> done;
    private int next;
    private Throwable failure;

    private RouteDispatcher(PyroscopeReceiveHttpConsumer consumer, List<? extends Profile> profiles, String tenant,
                            Instant deadline, Consumer<Outcome> done) {
        this.consumer = consumer;
        this.profiles = profiles;
        this.tenant = tenant;
        this.deadline = deadline;
        this.done = done;
    }

    /**
     * @param deadline the client's deadline (Connect-Timeout-Ms), set as a header for pyroscope-write; or
     *                 {@code null}
     */
    static void dispatch(PyroscopeReceiveHttpConsumer consumer, List<? extends Profile> profiles, String tenant,
                         Instant deadline, Consumer<Outcome> done) {
        new RouteDispatcher(consumer, profiles, tenant, deadline, done).run();
    }

    private void run() {
        while (next < profiles.size()) {
            Profile profile = profiles.get(next++);
            Exchange exchange = consumer.createExchange(false);
            exchange.getIn().setBody(profile);
            exchange.getIn().setHeader(PyroscopeReceiveHttpConstants.PROFILE_KIND, profile.kind());
            String type = profile.labels().get(LabelNames.NAME);
            if (type != null) {
                exchange.getIn().setHeader(PyroscopeReceiveHttpConstants.PROFILE_TYPE, type);
            }
            String service = profile.labels().get(LabelNames.SERVICE_NAME);
            if (service != null) {
                exchange.getIn().setHeader(PyroscopeReceiveHttpConstants.SERVICE_NAME, service);
            }
            if (tenant != null) {
                exchange.getIn().setHeader(PyroscopeReceiveHttpConstants.TENANT_ID, tenant);
            }
            if (deadline != null) {
                exchange.getIn().setHeader(PyroscopeReceiveHttpConstants.DEADLINE, deadline);
            }
            AsyncCallback callback = doneSync -> {
                completed(exchange);
                if (!doneSync) {
                    run();
                }
            };
            boolean sync;
            try {
                sync = consumer.getAsyncProcessor().process(exchange, callback);
            } catch (Throwable t) {
                exchange.setException(t);
                callback.done(true);
                sync = true;
            }
            if (!sync) {
                return; // continued by the callback
            }
        }
        done.accept(new Outcome(profiles.size(), failure));
    }

    private void completed(Exchange exchange) {
        try {
            Throwable e = exchange.getException();
            if (e != null && failure == null) {
                failure = e;
            }
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }
}
