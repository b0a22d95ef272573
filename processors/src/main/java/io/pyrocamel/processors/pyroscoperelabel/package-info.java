/**
 * {@code pyroscope-relabel}: Alloy's {@code pyroscope.relabel} as a producer-only Camel endpoint (a route step).
 *
 * @since 0.1.0
 */
package io.pyrocamel.processors.pyroscoperelabel;
