/**
 * {@code discovery-process}: local processes from {@code /proc} (Alloy's {@code discovery.process}).
 *
 * @since 0.1.0
 */
package io.pyrocamel.discovery.process;
