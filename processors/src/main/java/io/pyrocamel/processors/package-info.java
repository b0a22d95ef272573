/**
 * The processor endpoints of pyrocamel and what they share: {@code pyroscope-relabel}
 * ({@link io.pyrocamel.processors.pyroscoperelabel}), {@code discovery-relabel}
 * ({@link io.pyrocamel.processors.discoveryrelabel}) and {@code pyroscope-enrich}
 * ({@link io.pyrocamel.processors.pyroscopeenrich}), on the relabel engine in
 * {@link io.pyrocamel.processors.relabel}.
 *
 * @since 0.1.0
 */
package io.pyrocamel.processors;
