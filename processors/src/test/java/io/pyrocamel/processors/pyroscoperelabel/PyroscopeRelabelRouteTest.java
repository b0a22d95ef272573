package io.pyrocamel.processors.pyroscoperelabel;

import java.util.List;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.PyroscopeConstants;
import io.pyrocamel.processors.Profiles;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pyroscope-relabel in a route: rewrite, drop = stop the exchange, payload untouched, empty sets. */
class PyroscopeRelabelRouteTest extends CamelTestSupport {

    private static final String RULES = "RAW(["
            + "{sourceLabels: [env], action: drop, regex: dev},"
            + "{sourceLabels: [env], targetLabel: environment},"
            + "{action: labeldrop, regex: '^env$'},"
            + "{sourceLabels: [region], targetLabel: zone, regex: 'us-(.+)', replacement: 'zone-$1'},"
            + "{sourceLabels: [service_name], targetLabel: service_name, regex: '(.*)-canary', replacement: '$1'}"
            + "])";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in")
                        .to("pyroscope-relabel:main?rules=" + RULES)
                        .to("mock:out");
                from("direct:empties").routeId("empties")
                        .to("pyroscope-relabel:empties?rules=RAW([{action: labeldrop, regex: 'env|region'}])")
                        .to("mock:empties");
                from("direct:split").routeId("split")
                        .split(body())
                            .to("pyroscope-relabel:main?rules=" + RULES)
                            .to("mock:splitOut")
                        .end()
                        .to("mock:afterSplit");
                from("direct:outer").routeId("outer")
                        .to("direct:in")
                        .to("mock:afterDirect");
            }
        };
    }

    @Test
    void rewritesLabelsAndKeepsThePayload() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        PushProfile in = Profiles.push("service_name", "cart", "env", "prod", "region", "us-1");
        template.sendBody("direct:in", in);
        out.assertIsSatisfied();
        PushProfile got = out.getExchanges().get(0).getMessage().getBody(PushProfile.class);
        assertThat(got.labels()).isEqualTo(Labels.of("service_name", "cart", "environment", "prod", "region", "us-1",
                "zone", "zone-1"));
        assertThat(got.samples()).isSameAs(in.samples());
    }

    @Test
    void ingestProfileBodyIsUntouched() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        IngestProfile in = Profiles.ingest("service_name", "cart", "env", "prod");
        template.sendBody("direct:in", in);
        out.assertIsSatisfied();
        IngestProfile got = out.getExchanges().get(0).getMessage().getBody(IngestProfile.class);
        assertThat(got.labels()).isEqualTo(Labels.of("service_name", "cart", "environment", "prod"));
        assertThat(got.body()).isSameAs(in.body());
        assertThat(got.contentType()).isEqualTo(in.contentType());
        assertThat(got.query()).isEqualTo(in.query());
    }

    @Test
    void droppedProfileStopsTheExchangeWithoutErrorAndTheNextOneFlows() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        Exchange dropped = template.send("direct:in", e -> e.getMessage().setBody(
                Profiles.push("service_name", "cart", "env", "dev")));
        assertThat(dropped.getException()).isNull();
        assertThat(dropped.isRouteStop()).isTrue();
        assertThat(dropped.getMessage().getHeader(PyroscopeRelabelConstants.DROPPED, Boolean.class)).isTrue();
        template.sendBody("direct:in", Profiles.push("service_name", "cart", "env", "prod"));
        out.assertIsSatisfied();
    }

    @Test
    void dropStopsTheCallingRouteToo() throws Exception {
        // routeStop is a property of the exchange: a drop inside direct:in also ends the route that called it
        getMockEndpoint("mock:afterDirect").expectedMessageCount(1);
        template.sendBody("direct:outer", Profiles.push("service_name", "cart", "env", "dev"));
        template.sendBody("direct:outer", Profiles.push("service_name", "cart", "env", "prod"));
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void insideASplitADropEndsOnlyThatPart() throws Exception {
        getMockEndpoint("mock:splitOut").expectedMessageCount(2);
        getMockEndpoint("mock:afterSplit").expectedMessageCount(1);
        template.sendBody("direct:split", List.of(
                Profiles.push("service_name", "a", "env", "prod"),
                Profiles.push("service_name", "b", "env", "dev"),
                Profiles.push("service_name", "c", "env", "staging")));
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void emptyInputLabelsBypassTheRules() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:empties");
        out.expectedMessageCount(1);
        template.sendBody("direct:empties", PushProfile.of(Labels.empty()));
        out.assertIsSatisfied();
        PyroscopeRelabelEndpoint ep = endpoint("empties");
        assertThat(ep.getProfilesProcessed()).isEqualTo(1);
        assertThat(ep.getProfilesWritten()).isEqualTo(1);
        assertThat(ep.getCacheMisses()).isZero();
    }

    @Test
    void aLabelSetEmptiedByTheRulesIsAlwaysDropped() throws Exception {
        // SPEC.md §12.1: Alloy forwards the first one (then write fails) and drops later ones via the cache; we drop
        // every time
        MockEndpoint out = getMockEndpoint("mock:empties");
        out.expectedMessageCount(0);
        for (int i = 0; i < 2; i++) {
            Exchange e = template.send("direct:empties", x -> x.getMessage().setBody(
                    Profiles.push("env", "prod", "region", "us-1")));
            assertThat(e.isRouteStop()).isTrue();
        }
        out.assertIsSatisfied();
        PyroscopeRelabelEndpoint ep = endpoint("empties");
        assertThat(ep.getProfilesDropped()).isEqualTo(2);
        assertThat(ep.getCacheHits()).isEqualTo(1);
    }

    @Test
    void refreshesTheServiceNameHeaderWhenPresent() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        template.sendBodyAndHeader("direct:in", Profiles.push("service_name", "cart-canary", "env", "prod"),
                PyroscopeConstants.SERVICE_NAME, "cart-canary");
        out.assertIsSatisfied();
        assertThat(out.getExchanges().get(0).getMessage().getHeader(PyroscopeConstants.SERVICE_NAME))
                .isEqualTo("cart");
    }

    @Test
    void aBodyThatIsNoProfileFailsTheExchange() {
        assertThatThrownBy(() -> template.sendBody("direct:in", "not a profile"))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(InvalidPayloadException.class);
    }

    private PyroscopeRelabelEndpoint endpoint(String name) {
        return context.getEndpoints().stream().filter(PyroscopeRelabelEndpoint.class::isInstance)
                .map(PyroscopeRelabelEndpoint.class::cast).filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow();
    }
}
