/**
 * {@code discovery-file}: Grafana Alloy's {@code discovery.file} (Prometheus file_sd) as a Camel consumer that sends
 * the complete target list on every change.
 */
package io.pyrocamel.scrape.discovery.file;
