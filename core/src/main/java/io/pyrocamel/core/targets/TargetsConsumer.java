package io.pyrocamel.core.targets;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.pyrocamel.core.TargetSet;

/** Emits the set, one exchange per published version. */
final class TargetsConsumer extends DefaultConsumer {

    private AutoCloseable subscription;
    private volatile boolean started;

    TargetsConsumer(TargetsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TargetsEndpoint getEndpoint() {
        return (TargetsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TargetsEndpoint endpoint = getEndpoint();
        boolean emitCurrent = endpoint.isEmitCurrent();
        started = emitCurrent;
        subscription = endpoint.registry().subscribe(endpoint.getName(), this::emit);
        started = true;
    }

    private void emit(TargetSet set) {
        if (!started) {
            return; // the current set at subscription time, and emitCurrent=false
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(set);
            exchange.getMessage().setHeader(TargetsConstants.VERSION, set.version());
            exchange.getMessage().setHeader(TargetsConstants.SIZE, set.size());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing target set " + set.name(), exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        started = false;
        super.doStop();
    }
}
