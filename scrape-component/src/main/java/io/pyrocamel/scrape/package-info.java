/**
 * {@code pyroscope-scrape}: Grafana Alloy's {@code pyroscope.scrape} as a Camel consumer. One loop per target and
 * profile type pulls pprof profiles over HTTP; target lists come inline or from a live target set.
 */
package io.pyrocamel.scrape;
