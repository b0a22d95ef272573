/**
 * {@code discovery-http}: Grafana Alloy's {@code discovery.http} (Prometheus http_sd) as a Camel consumer that sends
 * the complete target list on every change.
 */
package io.pyrocamel.scrape.discovery.http;
