package io.pyrocamel.discovery.kubernetes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Option validation (Prometheus' rules, named options) and start-up failures with a clear message. */
class DiscoveryKubernetesEndpointTest extends CamelTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no role | | option role is required",
        "unknown role | role=pods | unknown Kubernetes role \"pods\"",
        "ingress | role=ingress | role ingress is not supported by pyrocamel",
        "api and kubeconfig | role=pod&apiServer=http://h:1&kubeconfigFile=/k | cannot use kubeconfigFile and apiServer",
        "kubeconfig and http | role=pod&kubeconfigFile=/k&bearerToken=t | custom HTTP client configuration",
        "http without api | role=pod&tlsInsecureSkipVerify=true | please provide the apiServer URL",
        "api and own ns | role=pod&apiServer=http://h:1&namespacesOwnNamespace=true | cannot use apiServer and namespacesOwnNamespace",
        "two tokens | role=pod&apiServer=http://h:1&bearerToken=a&bearerTokenFile=/f | at most one of bearerToken and bearerTokenFile",
        "basic and bearer | role=pod&apiServer=http://h:1&bearerToken=a&basicAuthUsername=u | at most one of basicAuth*",
        "cert without key | role=pod&apiServer=http://h:1&tlsCertFile=/c | needs its key",
        "wrong selector role | role=pod&selectorsRole=service&selectorsLabel=a=b | pod role supports only pod selectors",
        "endpoints selectors | role=endpoints&selectors=RAW([{\"role\":\"node\",\"label\":\"a\"}]) | endpoints role supports only endpoints, pod, service selectors",
        "duplicate selectors | role=endpoints&selectors=RAW([{\"role\":\"pod\"},{\"role\":\"pod\"}]) | duplicated selector role: pod",
        "bad field selector | role=pod&selectorsField=spec.nodeName | invalid field selector",
        "bad selectors json | role=pod&selectors=RAW([{) | option selectors must be a JSON list",
        "api not http | role=pod&apiServer=h:1 | option apiServer must be an http:// or https:// URL",
        "bad debounce | role=pod&debounce=soon | option debounce must be a duration",
    })
    void rejects(String name, String query, String message) {
        assertThatThrownBy(() -> context.getEndpoint("discovery-kubernetes:k" + (query == null ? "" : "?" + query)))
                .rootCause().hasMessageContaining("discovery-kubernetes:k").hasMessageContaining(message);
    }

    @Test
    void secretsAreMaskedInTheEndpointUri() {
        DiscoveryKubernetesEndpoint e = context.getEndpoint("discovery-kubernetes:s?role=pod&apiServer=https://k:6443"
                + "&bearerToken=tok-123&tlsCertPem=RAW(-----BEGIN CERTIFICATE-----xyz)"
                + "&tlsKeyPem=RAW(-----BEGIN PRIVATE KEY-----abc)",
                DiscoveryKubernetesEndpoint.class);
        assertThat(e.getEndpointUri()).doesNotContain("tok-123").doesNotContain("BEGIN PRIVATE KEY")
                .contains("bearerToken=xxxxxx-");
        assertThat(e.getBearerToken()).isEqualTo("tok-123");
        assertThat(e.getTlsKeyPem()).isEqualTo("-----BEGIN PRIVATE KEY-----abc");
    }

    @Test
    void acceptsSelectorsOfTheEndpointsRole() {
        DiscoveryKubernetesEndpoint e = context.getEndpoint("discovery-kubernetes:k?role=endpoints"
                + "&selectors=RAW([{\"role\":\"pod\",\"field\":\"spec.nodeName=n1\"},{\"role\":\"service\","
                + "\"label\":\"app=web\"}])&selectorsLabel=tier!=cache", DiscoveryKubernetesEndpoint.class);
        KubernetesSettings s = e.settings();
        assertThat(s.selector(KubernetesRole.POD).fieldRequirements("f"))
                .containsExactly(new Selector.FieldRequirement("spec.nodeName", "n1", true));
        assertThat(s.selector(KubernetesRole.SERVICE).label()).isEqualTo("app=web");
        assertThat(s.selector(KubernetesRole.ENDPOINTS).label()).isEqualTo("tier!=cache");
        assertThat(s.namespaces()).isEmpty();
        assertThat(s.debounce()).hasMillis(1000);
    }

    @Test
    void fieldSelectorSyntax() {
        assertThat(new Selector(KubernetesRole.POD, null, "spec.nodeName=a,status.phase!=Failed,metadata.name==x\\,y")
                .fieldRequirements("f")).containsExactly(
                        new Selector.FieldRequirement("spec.nodeName", "a", true),
                        new Selector.FieldRequirement("status.phase", "Failed", false),
                        new Selector.FieldRequirement("metadata.name", "x,y", true));
    }

    @Test
    void outsideAClusterWithoutApiServerTheRouteFailsToStartSayingWhy() throws Exception {
        // this test machine is no Kubernetes pod
        assertThat(System.getenv("KUBERNETES_SERVICE_HOST")).isNull();
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-kubernetes:incluster?role=pod").routeId("incluster").to("mock:x");
            }
        }))
                .hasStackTraceContaining("discovery-kubernetes:incluster: no apiServer and no kubeconfigFile, and not"
                                         + " running in a Kubernetes pod");
    }

    @Test
    void aMissingKubeconfigFileFailsTheStart() throws Exception {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-kubernetes:kc?role=pod&kubeconfigFile=/nonexistent/kubeconfig").routeId("kc")
                        .to("mock:x");
            }
        })).hasStackTraceContaining("option kubeconfigFile: no such file /nonexistent/kubeconfig");
    }
}
