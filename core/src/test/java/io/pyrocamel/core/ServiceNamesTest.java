package io.pyrocamel.core;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.pyrocamel.core.ServiceNames.Flavor.EBPF;
import static io.pyrocamel.core.ServiceNames.Flavor.JAVA;
import static io.pyrocamel.core.ServiceNames.Flavor.SCRAPE;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceNamesTest {

    private static final String[] ALL = {
        "__meta_kubernetes_pod_annotation_pyroscope_io_service_name", "annotated",
        "__meta_kubernetes_namespace", "shop",
        "__meta_kubernetes_pod_container_name", "cart",
        "__meta_docker_container_name", "/cart-1",
        "__meta_dockerswarm_container_label_service_name", "swarm-label",
        "__meta_dockerswarm_service_name", "swarm-service",
    };

    /** Removes the first n name/value pairs of ALL: each step reveals the next rule of the precedence list. */
    private static Labels withoutFirst(int pairs) {
        String[] kv = new String[ALL.length - 2 * pairs];
        System.arraycopy(ALL, 2 * pairs, kv, 0, kv.length);
        return Labels.of(kv);
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(withoutFirst(0), SCRAPE, "annotated"),
                Arguments.of(withoutFirst(1), SCRAPE, "shop/cart"),
                Arguments.of(withoutFirst(1), JAVA, "java/shop/cart"),
                Arguments.of(withoutFirst(1), EBPF, "ebpf/shop/cart"),
                // namespace without container does not count
                Arguments.of(withoutFirst(2), SCRAPE, "/cart-1"),
                Arguments.of(withoutFirst(3), SCRAPE, "/cart-1"),
                Arguments.of(withoutFirst(4), SCRAPE, "swarm-label"),
                Arguments.of(withoutFirst(5), SCRAPE, "swarm-service"),
                Arguments.of(withoutFirst(6), SCRAPE, "unspecified"),
                Arguments.of(Labels.of("__meta_kubernetes_pod_container_name", "c",
                        "__meta_docker_container_name", "/d"), SCRAPE, "/d"),
                Arguments.of(Labels.of("__address__", "h:1"), JAVA, "unspecified"));
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @MethodSource("precedence")
    void infersInDocumentedOrder(Labels target, ServiceNames.Flavor flavor, String expected) {
        assertThat(ServiceNames.infer(target, flavor)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @MethodSource("precedence")
    void ownServiceNameWins(Labels target, ServiceNames.Flavor flavor, String ignored) {
        assertThat(ServiceNames.of(target.with("service_name", "mine"), flavor)).isEqualTo("mine");
    }
}
