package io.pyrocamel.core.targets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSet;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.core.docs.ComponentDocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetsComponentTest {

    private CamelContext context;
    private ProducerTemplate template;
    private final List<TargetSet> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("seen", (org.apache.camel.Processor) e -> seen.add(e.getMessage()
                .getBody(TargetSet.class)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("targets:pods").routeId("watch").process("seen");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void publishesListsFromEveryBodyFormAndSubscribersSeeEachVersion() {
        Object published = template.requestBody("targets:pods",
                "[{\"__address__\":\"a:6060\",\"service_name\":\"cart\"},{\"__address__\":\"b:6060\",\"port\":8080}]");
        assertThat(published).isInstanceOf(TargetSet.class);
        assertThat(((TargetSet) published).version()).isEqualTo(1);

        template.sendBody("targets:pods", List.of(Target.of("__address__", "c:1"), Labels.of("__address__", "d:2"),
                Map.of("__address__", "e:3")));
        template.sendBody("targets:pods", null);

        assertThat(seen).extracting(TargetSet::version).containsExactly(1L, 2L, 3L);
        assertThat(seen.get(0).targets()).extracting(t -> t.get("__address__")).containsExactly("a:6060", "b:6060");
        assertThat(seen.get(0).targets().get(1).get("port")).isEqualTo("8080");
        assertThat(seen.get(1).targets()).extracting(t -> t.get("__address__")).containsExactly("c:1", "d:2", "e:3");
        assertThat(seen.get(2).targets()).isEmpty();
        assertThat(TargetSetRegistry.of(context).current("pods").version()).isEqualTo(3);
    }

    @Test
    void consumerEmitsTheCurrentSetWhenItStartsLate() throws Exception {
        template.sendBody("targets:late", "[{\"__address__\":\"x:1\"}]");
        List<TargetSet> late = Collections.synchronizedList(new ArrayList<>());
        List<TargetSet> skipCurrent = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("targets:late").process(e -> late.add(e.getMessage().getBody(TargetSet.class)));
                from("targets:late?emitCurrent=false").process(e -> skipCurrent.add(e.getMessage()
                        .getBody(TargetSet.class)));
            }
        });
        assertThat(late).hasSize(1);
        assertThat(skipCurrent).isEmpty();
        template.sendBody("targets:late", "[]");
        assertThat(late).hasSize(2);
        assertThat(skipCurrent).hasSize(1);
    }

    @Test
    void badBodiesFailTheExchangeWithTheReason() {
        assertThatThrownBy(() -> template.requestBody("targets:pods", "{\"not\":\"a list\"}"))
                .hasRootCauseMessage("option body must be a JSON list of label maps, was: {\"not\":\"a list\"}");
        assertThatThrownBy(() -> template.requestBody("targets:pods", "[{\"bad-name\":\"x\"}]"))
                .hasStackTraceContaining("option body: target [0]: invalid label name \"bad-name\"");
        assertThatThrownBy(() -> template.requestBody("targets:pods", 42))
                .rootCause().hasMessageContaining("expected a target list");
        assertThat(seen).isEmpty();
    }

    @Test
    void docPageHoldsTheGeneratedTables() {
        assertThat(ComponentDocs.verify(TargetsComponent.class, "targets",
                Path.of("src/main/docs/targets-component.adoc"),
                Path.of("src/main/docs/targets-alloy-names.properties"))).isNull();
    }
}
