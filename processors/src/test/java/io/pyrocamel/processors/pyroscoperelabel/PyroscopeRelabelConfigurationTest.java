package io.pyrocamel.processors.pyroscoperelabel;

import java.nio.file.Files;
import java.nio.file.Path;

import io.pyrocamel.core.Labels;
import io.pyrocamel.processors.Profiles;
import io.pyrocamel.processors.relabel.RelabelRule;
import io.pyrocamel.processors.relabel.RelabelRules;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where rules come from, and configuration errors that stop the route at start-up with a message naming the option. */
@SuppressWarnings("try")
class PyroscopeRelabelConfigurationTest {

    @TempDir
    Path dir;

    private static CamelContext start(String uri) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri).to("mock:out");
            }
        });
        ctx.start();
        return ctx;
    }

    private static PyroscopeRelabelEndpoint relabel(CamelContext ctx) {
        return ctx.getEndpoints().stream().filter(PyroscopeRelabelEndpoint.class::isInstance)
                .map(PyroscopeRelabelEndpoint.class::cast).findFirst().orElseThrow();
    }

    @Test
    void rulesFromAFileAndReload() throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "- {targetLabel: v, replacement: one}\n");
        try (CamelContext ctx = start("pyroscope-relabel:file?rulesFile=" + file)) {
            PyroscopeRelabelEndpoint ep = relabel(ctx);
            assertThat(ep.getRules()).contains("\"one\"");
            Files.writeString(file, "- {targetLabel: v, replacement: two}\n");
            ep.reloadRulesFile();
            assertThat(ctx.createProducerTemplate().requestBody("direct:in", Profiles.push("a", "b"),
                    io.pyrocamel.core.Profile.class).labels()).isEqualTo(Labels.of("a", "b", "v", "two"));
            // an invalid file on reload changes nothing
            Files.writeString(file, "- {action: hashmod, targetLabel: h}\n");
            assertThatThrownBy(ep::reloadRulesFile).hasMessageContaining("rule[0]: action \"hashmod\" requires modulus > 0");
            assertThat(ep.getRules()).contains("\"two\"");
        }
    }

    @Test
    void rulesFromTheClasspathWithAlloyFieldNames() throws Exception {
        try (CamelContext ctx = start("pyroscope-relabel:cp?rulesFile=classpath:relabel/sampling.yaml")) {
            assertThat(relabel(ctx).getRuleCount()).isEqualTo(2);
        }
    }

    @Test
    void rulesFromABean() throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.getRegistry().bind("myRules", RelabelRules.of(RelabelRule.builder().targetLabel("from").replacement("bean")
                .build()));
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("pyroscope-relabel:bean?relabelRules=#bean:myRules");
            }
        });
        try (ctx) {
            ctx.start();
            assertThat(ctx.createProducerTemplate().requestBody("direct:in", Profiles.push("a", "b"),
                    io.pyrocamel.core.Profile.class).labels().get("from")).isEqualTo("bean");
        }
    }

    @Test
    void anInvalidRuleStopsStartUpNamingEndpointOptionRuleAndField() {
        assertThatThrownBy(() -> start("pyroscope-relabel:bad?rules=RAW([{targetLabel: a}, {action: hashmod,"
                + " targetLabel: h}])"))
                .hasStackTraceContaining("pyroscope-relabel://bad")
                .hasStackTraceContaining("option rules: rule[1]: action \"hashmod\" requires modulus > 0");
    }

    @Test
    void anInvalidRulesFileStopsStartUp() {
        assertThatThrownBy(() -> start("pyroscope-relabel:bad?rulesFile=classpath:relabel/invalid.yaml"))
                .hasStackTraceContaining("option rulesFile (classpath:relabel/invalid.yaml): rule[1]:"
                        + " action \"hashmod\" requires modulus > 0");
    }

    @Test
    void aMissingRulesFileStopsStartUp() {
        assertThatThrownBy(() -> start("pyroscope-relabel:bad?rulesFile=" + dir.resolve("nope.yaml")))
                .hasStackTraceContaining("option rulesFile: file not found");
    }

    @Test
    void onlyOneSourceOfRules() {
        assertThatThrownBy(() -> start("pyroscope-relabel:bad?rules=RAW([])&rulesFile=x.yaml"))
                .hasStackTraceContaining("set only one of the options rules, rulesFile, relabelRules,"
                        + " rulesFrom (got rules, rulesFile)");
    }

    @Test
    void negativeCacheSizeIsRejected() {
        assertThatThrownBy(() -> start("pyroscope-relabel:bad?maxCacheSize=-1"))
                .hasStackTraceContaining("option maxCacheSize must be >= 0");
    }

    @Test
    void rulesFromAMissingEndpointStopsStartUp() {
        assertThatThrownBy(() -> start("pyroscope-relabel:bad?rulesFrom=discovery-relabel:nope"))
                .hasStackTraceContaining("option rulesFrom: no endpoint discovery-relabel:nope");
    }

    @Test
    void cacheCanBeTurnedOff() throws Exception {
        try (CamelContext ctx = start("pyroscope-relabel:nocache?maxCacheSize=0&rules=RAW([{targetLabel: x,"
                + " replacement: y}])")) {
            for (int i = 0; i < 3; i++) {
                ctx.createProducerTemplate().sendBody("direct:in", Profiles.push("a", "b"));
            }
            assertThat(relabel(ctx).getCacheSize()).isZero();
            assertThat(relabel(ctx).getCacheHits()).isZero();
            assertThat(relabel(ctx).getCacheMisses()).isEqualTo(3);
        }
    }

    @Test
    void usedAsAConsumerItFails() {
        assertThatThrownBy(() -> {
            CamelContext ctx = new DefaultCamelContext();
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("pyroscope-relabel:x").to("mock:out");
                }
            });
            ctx.start();
        }).hasStackTraceContaining("producer only");
    }
}
