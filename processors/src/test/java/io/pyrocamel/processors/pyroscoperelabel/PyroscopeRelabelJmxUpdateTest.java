package io.pyrocamel.processors.pyroscoperelabel;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.pyrocamel.core.PushProfile;
import io.pyrocamel.processors.Profiles;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules changed at run time over JMX while profiles flow: nothing is lost (every profile is processed and either
 * written or dropped, with the old or the new rules), the cache is purged, and getRules/getCacheSize answer.
 */
class PyroscopeRelabelJmxUpdateTest extends CamelTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration config) {
        super.configureTest(config);
        config.withEnableJMX();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in")
                        .to("pyroscope-relabel:live?rules=RAW([{targetLabel: rules, replacement: v1}])")
                        .to("mock:out");
            }
        };
    }

    @Test
    void updatesRulesOverJmxWithoutLosingProfilesInFlight() throws Exception {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=endpoints,*"), null);
        ObjectName relabel = names.stream().filter(n -> n.getKeyProperty("name").contains("pyroscope-relabel"))
                .findFirst().orElseThrow(() -> new AssertionError("no pyroscope-relabel MBean in " + names));

        assertThat((String) mbeans.getAttribute(relabel, "Rules"))
                .isEqualTo("[{\"targetLabel\":\"rules\",\"replacement\":\"v1\",\"action\":\"replace\"}]");

        MockEndpoint out = getMockEndpoint("mock:out");
        ExecutorService pool = context.getExecutorServiceManager().newFixedThreadPool(this, "senders", 2);
        int perSender = 2_000;
        Future<?>[] senders = new Future<?>[2];
        for (int s = 0; s < 2; s++) {
            int sender = s;
            senders[s] = pool.submit(() -> {
                for (int i = 0; i < perSender; i++) {
                    template.sendBody("direct:in", Profiles.push("service_name", "svc" + sender, "i", "" + (i % 50)));
                }
                return null;
            });
        }
        // swap the rules a few times while the senders run
        for (int v = 2; v <= 6; v++) {
            mbeans.invoke(relabel, "updateRules", new Object[] {
                    v % 2 == 0
                            ? "[{targetLabel: rules, replacement: v" + v + "}, {sourceLabels: [i], regex: '1.', action: drop}]"
                            : "[{targetLabel: rules, replacement: v" + v + "}]" },
                    new String[] { String.class.getName() });
            Thread.sleep(5);
        }
        for (Future<?> f : senders) {
            f.get(30, TimeUnit.SECONDS);
        }
        context.getExecutorServiceManager().shutdown(pool);

        long processed = (Long) mbeans.getAttribute(relabel, "ProfilesProcessed");
        long written = (Long) mbeans.getAttribute(relabel, "ProfilesWritten");
        long dropped = (Long) mbeans.getAttribute(relabel, "ProfilesDropped");
        assertThat(processed).isEqualTo(2L * perSender);
        assertThat(written + dropped).isEqualTo(processed);
        assertThat(out.getReceivedCounter()).isEqualTo((int) written);
        // every written profile carries exactly one rules version label
        assertThat(out.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(PushProfile.class).labels().get("rules")).matches("v[1-6]"));
        // the last rules are in force, and the cache holds only what was seen since
        assertThat((String) mbeans.getAttribute(relabel, "Rules")).contains("\"v6\"");
        long cacheSize = (Long) mbeans.getAttribute(relabel, "CacheSize");
        assertThat(cacheSize).isBetween(0L, 100L);

        out.reset();
        template.sendBody("direct:in", Profiles.push("service_name", "after", "i", "7"));
        assertThat(out.getReceivedExchanges().get(0).getMessage().getBody(PushProfile.class).labels().get("rules"))
                .isEqualTo("v6");
    }

    @Test
    void anInvalidUpdateChangesNothing() throws Exception {
        PyroscopeRelabelEndpoint ep = context.getEndpoints().stream()
                .filter(PyroscopeRelabelEndpoint.class::isInstance).map(PyroscopeRelabelEndpoint.class::cast)
                .findFirst().orElseThrow();
        String before = ep.getRules();
        template.sendBody("direct:in", Profiles.push("service_name", "a"));
        assertThat(ep.getCacheSize()).isEqualTo(1);
        try {
            ep.updateRules("[{action: hashmod, targetLabel: h}]");
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("rule[0]: action \"hashmod\" requires modulus > 0");
        }
        assertThat(ep.getRules()).isEqualTo(before);
        assertThat(ep.getCacheSize()).isEqualTo(1);
        ep.updateRules("[{targetLabel: rules, replacement: v9}]");
        assertThat(ep.getCacheSize()).isZero();
    }
}
