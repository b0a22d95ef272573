/**
 * {@code discovery-relabel}: Alloy's {@code discovery.relabel} as a producer-only Camel endpoint: relabels a target
 * list with the same engine as {@code pyroscope-relabel}.
 *
 * @since 0.1.0
 */
package io.pyrocamel.processors.discoveryrelabel;
