package io.pyrocamel.write;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Labels;
import io.pyrocamel.testsupport.PyroscopeDouble;
import io.pyrocamel.testsupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact metric names and labels in a real Prometheus scrape; secrets never printed. */
class PyroscopeWriteMetricsTest {

    static final String CERT = io.pyrocamel.testsupport.TestCertificates.authority("m").client("c").certPem();

    @Test
    void prometheusScrapeShowsAlloysNamesAndLabels() throws Exception {
        try (PyroscopeDouble pyroscope = PyroscopeDouble.start();
             WriteHarness w = WriteHarness.start(pyroscope.url(), "maxBackoffRetries=1")) {
            pyroscope.enqueue(Reply.status(503));
            w.send(WriteHarness.cpu("m", new byte[] {1, 2, 3}));
            pyroscope.enqueue(Reply.status(503), Reply.status(503));
            w.send(WriteHarness.cpu("m", new byte[] {1, 2, 3, 4}));
            w.send(IngestProfile.of(Labels.of("__name__", "app"), new byte[] {9}, "", "name", "app"));

            String scrape = w.registry.scrape();
            String ep = "endpoint=\"" + pyroscope.url() + "\"";
            assertThat(scrape).contains("pyroscope_write_sent_bytes_total{" + ep + "} 4.0");
            assertThat(scrape).contains("pyroscope_write_dropped_bytes_total{" + ep + "} 4.0");
            assertThat(scrape).contains("pyroscope_write_sent_profiles_total{" + ep + "} 2.0");
            assertThat(scrape).contains("pyroscope_write_dropped_profiles_total{" + ep + "} 1.0");
            assertThat(scrape).contains("pyroscope_write_retries_total{" + ep + "} 2.0");
            assertThat(scrape).contains("# TYPE pyroscope_write_latency histogram");
            assertThat(scrape).contains("pyroscope_write_latency_bucket{endpoint=\"-\",type=\"push_total\",le=\"0.005\"}");
            assertThat(scrape).contains("pyroscope_write_latency_bucket{endpoint=\"-\",type=\"push_total\",le=\"+Inf\"} 2");
            assertThat(scrape).contains("pyroscope_write_latency_count{" + ep + ",type=\"push_downstream\"} 4");
            assertThat(scrape).contains("pyroscope_write_latency_count{" + ep + ",type=\"push_endpoint\"} 2");
            assertThat(scrape).contains("pyroscope_write_latency_count{endpoint=\"-\",type=\"ingest_total\"} 1");
            assertThat(scrape).contains("pyroscope_write_latency_count{" + ep + ",type=\"ingest_endpoint\"} 1");
            assertThat(scrape).contains("pyroscope_write_latency_count{" + ep + ",type=\"ingest_downstream\"} 1");
            assertThat(scrape).contains("pyroscope_write_latency_sum{");
            assertThat(scrape).doesNotContain("pyroscope_write_latency_seconds");

            // every pyroscope_write family, as exposed
            Set<String> families = new TreeSet<>();
            Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith("# TYPE pyroscope_write"))
                    .forEach(l -> families.add(l.substring(7)));
            assertThat(families).containsExactly(
                    "pyroscope_write_dropped_bytes_total counter",
                    "pyroscope_write_dropped_profiles_total counter",
                    "pyroscope_write_latency histogram",
                    "pyroscope_write_latency_max gauge",
                    "pyroscope_write_retries_total counter",
                    "pyroscope_write_sent_bytes_total counter",
                    "pyroscope_write_sent_profiles_total counter");
            List<String> buckets = Arrays.stream(scrape.split("\n"))
                    .filter(l -> l.startsWith("pyroscope_write_latency_bucket{endpoint=\"-\",type=\"push_total\""))
                    .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")).toList();
            assertThat(buckets).containsExactly("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
                    "5.0", "10.0", "+Inf");
        }
    }

    @Test
    void secretsNeverAppearInUrisLogsOrErrors() throws Exception {
        String options = "maxBackoffRetries=1&basicAuthUsername=u&basicAuthPassword=pw-SECRET-1"
                         + "&proxyUrl=RAW(http://pu:px-SECRET-2@127.0.0.1:1)&noProxy=example.com"
                         + "&tlsKeyPem=RAW(kp-SECRET-3)&tlsCertPem=RAW(" + CERT + ")&httpHeaders.X-Api-Key=hh-SECRET-4"
                         + "&proxyConnectHeader.X-P=pc-SECRET-5";
        try (PyroscopeDouble pyroscope = PyroscopeDouble.start()) {
            Throwable startFailure = null;
            WriteHarness w = null;
            try {
                w = WriteHarness.start(pyroscope.url(), options);
            } catch (Exception e) {
                startFailure = e; // tlsKeyPem is not a key: start fails, and the message names it without its value
            }
            assertThat(startFailure).isNotNull();
            String all = PyroscopeWriteConfigValidationTest.messages(startFailure);
            assertThat(all).contains("tlsKeyPem").doesNotContain("SECRET");
            assertThat(w).isNull();
        }
        try (PyroscopeDouble pyroscope = PyroscopeDouble.start();
             WriteHarness w = WriteHarness.start("http://127.0.0.1:1", options.replace("&tlsKeyPem=RAW(kp-SECRET-3)"
                     + "&tlsCertPem=RAW(" + CERT + ")", "").replace("&noProxy=example.com", ""))) {
            for (Endpoint e : w.context.getEndpoints()) {
                // getEndpointUri() is the endpoint's identity (raw, as for every Camel component); what Camel
                // prints is sanitized: toString, logs, JMX
                assertThat(org.apache.camel.util.URISupport.sanitizeUri(e.getEndpointUri())).doesNotContain("SECRET");
                assertThat(e.toString()).doesNotContain("SECRET");
            }
            javax.management.MBeanServer mbs = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            Set<javax.management.ObjectName> names = mbs.queryNames(
                    new javax.management.ObjectName("org.apache.camel:type=endpoints,*"), null);
            assertThat(names).isNotEmpty();
            for (javax.management.ObjectName n : names) {
                assertThat(n.toString()).doesNotContain("SECRET");
                assertThat(String.valueOf(mbs.getAttribute(n, "EndpointUri"))).doesNotContain("SECRET");
            }
            Exchange ex = w.send(WriteHarness.cpu("s", new byte[] {1}));
            assertThat(ex.getException()).isNotNull();
            assertThat(PyroscopeWriteConfigValidationTest.messages(ex.getException())).doesNotContain("SECRET");
            PyroscopeWriteEndpoint endpoint = w.context.getEndpoints().stream()
                    .filter(PyroscopeWriteEndpoint.class::isInstance).map(PyroscopeWriteEndpoint.class::cast)
                    .findFirst().orElseThrow();
            assertThat(endpoint.getSettings().toString()).doesNotContain("SECRET");
            assertThat(endpoint.getSettings().http().toString()).doesNotContain("SECRET");
        }
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/camel-test.log"));
        assertThat(log).doesNotContain("SECRET");
    }
}
