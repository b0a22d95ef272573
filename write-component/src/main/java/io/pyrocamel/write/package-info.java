/**
 * {@code pyroscope-write}: Grafana Alloy's {@code pyroscope.write} as a Camel producer. See
 * {@code src/main/docs/pyroscope-write-component.adoc}.
 */
package io.pyrocamel.write;
