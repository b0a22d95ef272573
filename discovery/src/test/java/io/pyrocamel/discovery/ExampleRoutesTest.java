package io.pyrocamel.discovery;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import io.fabric8.kubernetes.api.model.Pod;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example routes routes/discovery-*.yaml load with Camel's YAML DSL and run for real: process discovery on this
 * host, Kubernetes discovery against the API server double, Docker discovery against the real daemon.
 */
class ExampleRoutesTest extends CamelTestSupport {

    private void load(String file, Map<String, String> properties) throws Exception {
        Properties p = new Properties();
        p.putAll(properties);
        context.getPropertiesComponent().setOverrideProperties(p);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:../routes/"
                + file));
    }

    private TargetSet set(String name) {
        return TargetSetRegistry.of(context).current(name);
    }

    @Test
    void processLog() throws Exception {
        load("discovery-process-log.yaml", Map.of("pyrocamel.discovery.process.refresh-interval", "200ms"));
        // this JVM is a java process: it is in the published set
        String pid = Long.toString(ProcessHandle.current().pid());
        await().atMost(10, TimeUnit.SECONDS).until(() -> set("processes") != null
                && set("processes").targets().stream().anyMatch(t -> pid.equals(t.get("__process_pid__"))));
        assertThat(set("processes").targets()).allSatisfy(t -> assertThat(t.get("__meta_process_exe")).endsWith("/java"));
    }

    @Test
    void kubernetesPods() throws Exception {
        try (var api = new io.pyrocamel.discovery.kubernetes.MockApiServerAccess()) {
            Pod pod = api.pod("shop", "cart-1", "node-a", Map.of("app", "cart"));
            api.client().pods().inNamespace("shop").resource(pod).create();
            load("discovery-kubernetes-pods.yaml", Map.of("pyrocamel.kubernetes.api-server", api.url(),
                    // the API server double filters on metadata.* fields only (it ignores spec.nodeName)
                    "pyrocamel.kubernetes.pod-field-selector", "metadata.namespace=shop"));
            await().atMost(15, TimeUnit.SECONDS).until(() -> set("pods") != null && !set("pods").targets().isEmpty());
            Target t = set("pods").targets().get(0);
            assertThat(t.labels().withoutReserved().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "service_name", "ebpf/shop/app", "app", "cart", "namespace", "shop", "pod", "cart-1",
                    "node", "node-a", "container", "app"));
        }
    }

    @Test
    void docker() throws Exception {
        DockerClient docker = io.pyrocamel.discovery.docker.DockerDaemonAccess.ensure();
        String name = "pc-example-" + UUID.randomUUID().toString().substring(0, 8);
        String id = docker.createContainerCmd("pyrocamel/busybox:test").withName(name)
                .withCmd("/bin/sleep", "3600").exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            load("discovery-docker.yaml", Map.of("pyrocamel.docker.refresh-interval", "300ms"));
            await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> assertThat(set("containers")).isNotNull()
                    .extracting(TargetSet::targets).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .anySatisfy(o -> assertThat(((Target) o).get("service_name")).isEqualTo("/" + name)));
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
            docker.close();
        }
    }

}
