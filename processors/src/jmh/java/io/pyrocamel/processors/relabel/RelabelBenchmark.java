package io.pyrocamel.processors.relabel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.pyrocamel.core.Labels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The relabel engine on realistic label sets (15 labels: a Kubernetes pod's profile with service, type, env and
 * {@code __meta_*} labels) through a 5-rule pipeline (drop by namespace, replace, labelmap, replace with two groups,
 * labeldrop). {@code cold}: every call runs the rules (no cache). {@code cached}: the same inputs through a warmed
 * {@link CachingRelabeler} (every call a hit). Run on demand:
 * {@code ./mvnw -B -f processors/pom.xml -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RelabelBenchmark {

    static final String RULES = """
            - {sourceLabels: [__meta_kubernetes_namespace], action: drop, regex: 'kube-system|monitoring'}
            - {sourceLabels: [__meta_kubernetes_pod_label_app], targetLabel: app}
            - {action: labelmap, regex: '__meta_kubernetes_pod_label_(.+)', replacement: 'k8s_$1'}
            - {sourceLabels: [service_name, env], separator: '/', regex: '(.+)/(prod|staging)', targetLabel: svc_env, replacement: '$1-$2'}
            - {action: labeldrop, regex: '__meta_.*'}
            """;

    /** Distinct label sets cycled through (more than fit a CPU cache line set, fewer than the relabel cache). */
    @Param({ "1024" })
    public int series;

    private Labels[] inputs;
    private Relabeler relabeler;
    private CachingRelabeler cachingRelabeler;
    private int next;

    @Setup
    public void setUp() {
        RelabelRules rules = RelabelRules.parse(RULES);
        relabeler = new Relabeler(rules);
        cachingRelabeler = new CachingRelabeler(rules, 10_000);
        List<Labels> l = new ArrayList<>(series);
        String[] envs = { "prod", "staging", "dev" };
        String[] types = { "process_cpu", "memory", "goroutine", "mutex", "block" };
        for (int i = 0; i < series; i++) {
            l.add(Labels.of(
                    "__name__", types[i % types.length],
                    "service_name", "svc-" + (i % 37),
                    "env", envs[i % envs.length],
                    "region", "eu-west-" + (i % 3),
                    "namespace", "team-" + (i % 11),
                    "pod", "svc-" + (i % 37) + "-" + Integer.toHexString(i * 7919),
                    "container", "app",
                    "node", "node-" + (i % 23),
                    "instance", "10.0." + (i / 250) + "." + (i % 250) + ":8080",
                    "job", "pyroscope/scrape",
                    "pyroscope_spy", "gospy",
                    "__delta__", "false",
                    "__meta_kubernetes_namespace", "team-" + (i % 11),
                    "__meta_kubernetes_pod_label_app", "svc-" + (i % 37),
                    "__meta_kubernetes_pod_label_version", "v" + (i % 5)));
        }
        inputs = l.toArray(new Labels[0]);
        for (Labels in : inputs) {
            cachingRelabeler.process(in);
        }
    }

    @Benchmark
    public Labels cold() {
        Labels in = inputs[next++ & (series - 1)];
        return relabeler.process(in);
    }

    @Benchmark
    public Labels cached() {
        Labels in = inputs[next++ & (series - 1)];
        return cachingRelabeler.process(in);
    }
}
