package io.pyrocamel.processors.pyroscopeenrich;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.processors.ProfileMessages;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Enriches the profile in the body (SPEC.md §7): key = value of the profiles match label; no key or no target with
 * that value = unchanged; else copy all target labels, or the listed ones that the target has, overwriting.
 *
 * @since 0.1.0
 */
public class PyroscopeEnrichProducer extends DefaultProducer {

    private final PyroscopeEnrichEndpoint endpoint;

    public PyroscopeEnrichProducer(PyroscopeEnrichEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public PyroscopeEnrichEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Profile profile = ProfileMessages.mandatoryProfile(exchange);
        Labels in = profile.labels();
        EnrichSettings s = endpoint.settings();
        String key = in.get(s.profilesMatchLabel());
        Labels target = key == null ? null : endpoint.index().lookup(key);
        if (target == null) {
            endpoint.unmatched.increment();
            exchange.getMessage().setHeader(PyroscopeEnrichConstants.MATCHED, Boolean.FALSE);
            return;
        }
        endpoint.matched.increment();
        exchange.getMessage().setHeader(PyroscopeEnrichConstants.MATCHED, Boolean.TRUE);
        Labels out = enrich(in, target, s);
        if (!out.equals(in)) {
            ProfileMessages.setLabels(exchange.getMessage(), profile, out);
        }
    }

    static Labels enrich(Labels in, Labels target, EnrichSettings s) {
        Labels.Builder b = in.toBuilder();
        if (s.labelsToCopy().isEmpty()) {
            b.setAll(target);
        } else {
            for (String n : s.labelsToCopy()) {
                String v = target.get(n);
                if (v != null && !v.isEmpty()) {
                    b.set(n, v);
                }
            }
        }
        return b.build();
    }
}
