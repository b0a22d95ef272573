/**
 * Support shared by the components of this module: the HTTP client options of {@code pyroscope-scrape} and
 * {@code discovery-http}, Prometheus target groups (file_sd / http_sd), YAML reading and secret masking.
 */
package io.pyrocamel.scrape.support;
