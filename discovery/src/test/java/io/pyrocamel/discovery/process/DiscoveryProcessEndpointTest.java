package io.pyrocamel.discovery.process;

import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.discovery.DiscoveryMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Options: defaults, strict validation naming the option; metrics and health of a failing scan. */
class DiscoveryProcessEndpointTest extends CamelTestSupport {

    @TempDir
    Path tmp;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        ctx.getRegistry().bind("meters", MeterRegistry.class, meters);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        FakeProc proc = new FakeProc(java.nio.file.Files.createDirectories(tmp.resolve("proc")));
        proc.process(10, "/bin/a", "/", "a", null, "0::/\n").process(11, "/bin/b", "/", "b", null, "0::/\n");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-process:ok?refreshInterval=100ms&procPath=" + proc.root()).routeId("ok")
                        .to("mock:ok");
                from("discovery-process:broken?refreshInterval=100ms&procPath=" + tmp.resolve("missing"))
                        .routeId("broken").to("mock:broken");
            }
        };
    }

    @Test
    void defaults() {
        DiscoveryProcessEndpoint e = context.getEndpoint("discovery-process:d", DiscoveryProcessEndpoint.class);
        assertThat(e.getRefreshInterval()).isEqualTo(60_000);
        assertThat(e.isDiscoverConfigCwd()).isTrue();
        assertThat(e.isDiscoverConfigExe()).isTrue();
        assertThat(e.isDiscoverConfigCommandline()).isTrue();
        assertThat(e.isDiscoverConfigContainerId()).isTrue();
        assertThat(e.isDiscoverConfigUid()).isFalse();
        assertThat(e.isDiscoverConfigUsername()).isFalse();
        assertThat(e.isDiscoverConfigCgroupPath()).isFalse();
        assertThat(e.getProcPath()).isEqualTo("/proc");
        assertThat(e.componentId()).isEqualTo("discovery.process.d");
    }

    @Test
    void rejectsBadDurationsAndJoinLists() {
        assertThatThrownBy(() -> context.getEndpoint("discovery-process:x?refreshInterval=abc"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("discovery-process:x").hasMessageContaining("refreshInterval")
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> context.getEndpoint("discovery-process:x?refreshInterval=-5s"))
                .rootCause().hasMessageContaining("refreshInterval");
        assertThatThrownBy(() -> context.getEndpoint("discovery-process:y?refreshInterval=0s"))
                .rootCause().hasMessageContaining("refreshInterval must be greater than 0");
        assertThatThrownBy(() -> context.getEndpoint("discovery-process:z?join=RAW({\"a\":1})"))
                .rootCause().hasMessageContaining("discovery-process:z").hasMessageContaining("join");
        assertThatThrownBy(() -> context.getEndpoint("discovery-process:z").createProducer())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("consumer only");
    }

    @Test
    void metricsAndHealth() throws Exception {
        getMockEndpoint("mock:ok").expectedMinimumMessageCount(1);
        getMockEndpoint("mock:ok").assertIsSatisfied();
        assertThat(meters.get(DiscoveryMetrics.TARGETS).tag("component_id", "discovery.process.ok")
                .tag("mechanism", "process").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get(DiscoveryMetrics.UPDATES).tag("component_id", "discovery.process.ok").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get(DiscoveryMetrics.LAST_REFRESH).tag("component_id", "discovery.process.ok").gauge()
                .value()).isGreaterThan(1.7e9);
        Consumer ok = context.getRoute("ok").getConsumer();
        assertThat(((HealthCheckAware) ok).getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.UP);

        // /proc missing: failures counted, health DOWN with the reason, nothing emitted
        await().until(() -> meters.get(DiscoveryMetrics.REFRESH_FAILURES)
                .tag("component_id", "discovery.process.broken").counter().count() >= 2);
        HealthCheck.Result broken = ((HealthCheckAware) context.getRoute("broken").getConsumer()).getHealthCheck()
                .call();
        assertThat(broken.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(broken.getMessage()).get().asString().contains("cannot list the processes in")
                .contains(tmp.resolve("missing").toString());
        assertThat(getMockEndpoint("mock:broken").getReceivedCounter()).isZero();

        // stopping the route removes the meters
        context.getRouteController().stopRoute("ok");
        assertThat(meters.find(DiscoveryMetrics.TARGETS).tag("component_id", "discovery.process.ok").gauge()).isNull();
    }
}
