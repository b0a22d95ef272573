package io.pyrocamel.scrape.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.TargetSetRegistry;
import io.pyrocamel.scrape.discovery.file.DiscoveryFileConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** discovery-file: Prometheus file_sd files, JSON and YAML, globbed, watched; the complete list on every change. */
class DiscoveryFileTest extends CamelTestSupport {

    @TempDir
    static Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        Files.writeString(dir.resolve("a.json"), """
                [{"targets": ["h1:1", "h2:2"], "labels": {"env": "prod", "__address__": "ignored"}},
                 {"targets": ["h0:9"], "unknown": "ignored in JSON"}]""");
        Files.writeString(dir.resolve("b.yaml"), "- targets: [h3:3]\n  labels:\n    team: x\n");
        Files.writeString(dir.resolve("c.txt"), "not matched");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("discovery-file:fs?files=" + dir + "/*.json," + dir + "/*.yaml&refreshInterval=1h")
                        .routeId("fs").to("mock:fs").to("targets:fs");
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Target> last(MockEndpoint mock) {
        List<?> l = mock.getReceivedExchanges().get(mock.getReceivedCounter() - 1).getMessage().getBody(List.class);
        return (List<Target>) l;
    }

    @Test
    void readsWatchesAndSendsTheCompleteListOnChange() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:fs");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 1);
        String a = dir.resolve("a.json").toString();
        String b = dir.resolve("b.yaml").toString();
        assertThat(last(mock)).containsExactly(
                new Target(Labels.of("__address__", "h1:1", "env", "prod", "__meta_filepath", a)),
                new Target(Labels.of("__address__", "h2:2", "env", "prod", "__meta_filepath", a)),
                new Target(Labels.of("__address__", "h0:9", "__meta_filepath", a)),
                new Target(Labels.of("__address__", "h3:3", "team", "x", "__meta_filepath", b)));
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getHeader("CamelPyroscopeDiscoveryTargetCount"))
                .isEqualTo(4);
        assertThat(TargetSetRegistry.of(context).current("fs").size()).isEqualTo(4);

        // a change is seen through the file watch (refreshInterval is 1h)
        Files.writeString(dir.resolve("b.yaml"), "- targets: [h3:3, h4:4]\n  labels:\n    team: x\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 2);
        assertThat(last(mock)).hasSize(5);

        // a broken file keeps its targets; the error is visible
        DiscoveryFileConsumer c = (DiscoveryFileConsumer) context.getRoute("fs").getConsumer();
        Files.writeString(dir.resolve("b.yaml"), "- targets: [h5:5]\n  lables: {team: y}\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> c.getFileErrors().length == 1);
        assertThat(c.getFileErrors()[0]).startsWith(b + ": error reading file: target group [0]: unknown field"
                                                    + " \"lables\"");
        assertThat(mock.getReceivedCounter()).isEqualTo(2);

        // a new file matching the pattern, then a deleted one
        Files.writeString(dir.resolve("d.json"), "[{\"targets\": [\"h6:6\"]}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 3);
        assertThat(last(mock)).hasSize(6);
        Files.delete(dir.resolve("b.yaml"));
        await().atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 4);
        assertThat(last(mock)).extracting(t -> t.get("__address__")).containsExactly("h1:1", "h2:2", "h0:9", "h6:6");
        assertThat(c.getFileErrors()).isEmpty();
        assertThat(c.getTargetCount()).isEqualTo(4);
    }

    @Test
    void invalidOptionsFailStartUp() {
        assertThatThrownBy(() -> context.getEndpoint("discovery-file:x?files=targets/*.txt").start())
                .rootCause().hasMessageContaining("discovery-file:x: invalid configuration: files: path name"
                                                  + " \"targets/*.txt\" is not valid for file discovery");
        assertThatThrownBy(() -> context.getEndpoint("discovery-file:x?files=*/a.json").start())
                .rootCause().hasMessageContaining("is not valid for file discovery");
        assertThatThrownBy(() -> context.getEndpoint("discovery-file:x?files=a.json&refreshInterval=soon"))
                .rootCause().hasMessageContaining("discovery-file:x: option refreshInterval must be a duration");
        assertThatThrownBy(() -> context.getEndpoint("discovery-file:x").start())
                .rootCause().hasMessageContaining("files must name at least one file or pattern");
    }
}
