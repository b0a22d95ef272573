package io.pyrocamel.processors.discoveryrelabel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.processors.relabel.Relabeler;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relabels a target list. The body is a {@link TargetSet} (the result keeps its name and version: it is the same
 * generation of targets, relabelled) or a collection of {@link Target}, {@link Labels} or {@code Map<String,String>}
 * (the result is a {@code List<Target>}). Order is kept.
 *
 * @since 0.1.0
 */
public class DiscoveryRelabelProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRelabelProducer.class);

    private final DiscoveryRelabelEndpoint endpoint;

    public DiscoveryRelabelProducer(DiscoveryRelabelEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public DiscoveryRelabelEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        Object body = msg.getBody();
        Relabeler relabeler = endpoint.relabeler();
        List<Target> out;
        int in;
        if (body instanceof TargetSet set) {
            in = set.size();
            out = relabel(relabeler, set.targets());
            msg.setBody(new TargetSet(set.name(), set.version(), out));
        } else if (body instanceof Collection<?> c) {
            in = c.size();
            out = relabel(relabeler, toTargets(exchange, c));
            msg.setBody(out);
        } else {
            throw new InvalidPayloadException(exchange, TargetSet.class);
        }
        int dropped = in - out.size();
        endpoint.lists.increment();
        endpoint.targetsDropped.add(dropped);
        endpoint.lastTargetsIn = in;
        endpoint.lastTargetsOut = out.size();
        msg.setHeader(DiscoveryRelabelConstants.TARGETS_IN, in);
        msg.setHeader(DiscoveryRelabelConstants.TARGETS_DROPPED, dropped);
        LOG.debug("{}: {} targets in, {} out", endpoint.getName(), in, out.size());
    }

    private static List<Target> relabel(Relabeler relabeler, List<Target> targets) {
        List<Target> out = new ArrayList<>(targets.size());
        for (Target t : targets) {
            Labels l = relabeler.process(t.labels());
            if (l != null && !l.isEmpty()) {
                out.add(l == t.labels() ? t : new Target(l));
            }
        }
        return out;
    }

    private static List<Target> toTargets(Exchange exchange, Collection<?> c) throws InvalidPayloadException {
        List<Target> targets = new ArrayList<>(c.size());
        for (Object o : c) {
            if (o instanceof Target t) {
                targets.add(t);
            } else if (o instanceof Labels l) {
                targets.add(new Target(l));
            } else if (o instanceof Map<?, ?> m) {
                Labels.Builder b = Labels.builder();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.set(String.valueOf(e.getKey()), e.getValue() == null ? "" : String.valueOf(e.getValue()));
                }
                targets.add(new Target(b.build()));
            } else {
                throw new InvalidPayloadException(exchange, Target.class);
            }
        }
        return targets;
    }
}
