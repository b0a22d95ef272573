/**
 * {@code pyroscope-enrich}: Alloy's {@code pyroscope.enrich} (experimental upstream) as a producer-only Camel endpoint:
 * copies labels of the matching discovery target onto each profile.
 *
 * @since 0.1.0
 */
package io.pyrocamel.processors.pyroscopeenrich;
