/**
 * Discovery consumers (Alloy's {@code discovery.process}, {@code discovery.kubernetes}, {@code discovery.docker}):
 * each emits the complete current target list at start and on every change. Shared here: the endpoint and consumer
 * bases, the message headers, the self-metrics and the health check.
 *
 * @since 0.1.0
 */
package io.pyrocamel.discovery;
