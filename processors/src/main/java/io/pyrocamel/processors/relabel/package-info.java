/**
 * The relabel engine shared by {@code pyroscope-relabel} and {@code discovery-relabel}: Prometheus relabeling
 * (model/relabel, as Grafana Alloy runs it) on {@link io.pyrocamel.core.Labels}, with RE2 regular expressions
 * (RE2/J, linear time) and Go template expansion. No Camel types.
 *
 * <p>Entry points: {@link io.pyrocamel.processors.relabel.RelabelRule} (one rule, immutable),
 * {@link io.pyrocamel.processors.relabel.RelabelRules} (a validated, compiled list; parsed from YAML/JSON),
 * {@link io.pyrocamel.processors.relabel.Relabeler} and {@link io.pyrocamel.processors.relabel.CachingRelabeler}.
 *
 * @since 0.1.0
 */
package io.pyrocamel.processors.relabel;
