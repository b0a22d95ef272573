package io.pyrocamel.scrape;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC.md §8.2 step 7: service_name of the target, else inferred in the documented order, else unspecified. */
class ServiceNameInferenceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "service_name=own;__meta_kubernetes_pod_annotation_pyroscope_io_service_name=ann | own",
        "__meta_kubernetes_pod_annotation_pyroscope_io_service_name=ann;__meta_kubernetes_namespace=ns;"
            + "__meta_kubernetes_pod_container_name=c;__meta_docker_container_name=/d | ann",
        "__meta_kubernetes_namespace=ns;__meta_kubernetes_pod_container_name=c;__meta_docker_container_name=/d | ns/c",
        "__meta_kubernetes_namespace=ns;__meta_docker_container_name=/d | /d",
        "__meta_kubernetes_pod_container_name=c;__meta_dockerswarm_container_label_service_name=sl"
            + ";__meta_dockerswarm_service_name=ss | sl",
        "__meta_dockerswarm_service_name=ss | ss",
        "service_name=;__meta_dockerswarm_service_name=ss | ss",
        "env=prod | unspecified",
    })
    void inference(String labels, String expected) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("__address__", "h:1");
        for (String kv : labels.split(";")) {
            String[] p = kv.split("=", 2);
            m.put(p[0].strip(), p.length > 1 ? p[1].strip() : "");
        }
        ScrapeJob job = ScrapeJob.of(Target.of(m), Settings.of("targets=RAW([])")).get(0);
        assertThat(job.labels().get("service_name")).isEqualTo(expected);
        Labels l = job.labels();
        assertThat(l.get("instance")).isEqualTo("h:1");
        assertThat(l.get("job")).isEqualTo("test");
    }
}
