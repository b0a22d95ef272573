package io.pyrocamel.processors;

import io.pyrocamel.processors.relabel.RelabelRules;
import org.apache.camel.Endpoint;

/**
 * An endpoint that owns relabel rules and exports them (Alloy's exported {@code rules}), so that another relabel step
 * can reuse them with {@code rulesFrom=<scheme>:<name>}.
 *
 * @since 0.1.0
 */
public interface RelabelRulesEndpoint extends Endpoint {

    /** The endpoint's name (the URI path). */
    String getName();

    /** The URI scheme ({@code pyroscope-relabel} or {@code discovery-relabel}). */
    String getScheme();

    /** The rules in force now (after any run-time update). */
    RelabelRules getRelabelRules();

    /** Whether this endpoint's rules come from another endpoint ({@code rulesFrom}). */
    boolean isRulesFromOtherEndpoint();
}
