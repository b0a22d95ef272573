package io.pyrocamel.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A route file with an error stops start-up: the process exits non-zero and says what is wrong and where. */
class BadRouteFileIT {

    @TempDir
    Path work;

    @Test
    void unknownOptionExitsNonZeroNamingFileAndOption() throws Exception {
        Path routes = work.resolve("broken-route.yaml");
        Files.writeString(routes, """
                - route:
                    id: broken
                    from:
                      uri: file:inbox
                      parameters:
                        noSuchOption: banana
                      steps:
                        - to:
                            uri: pyroscope-store:local
                            parameters:
                              directory: store
                """);
        try (AppProcess app = AppProcess.start(work, List.of(), routes.toString())) {
            int exit = app.waitForExit(Duration.ofSeconds(90));
            String out = app.output();
            assertThat(exit).as(out).isNotZero();
            assertThat(out).contains("noSuchOption").contains("broken-route.yaml");
        }
    }

    @Test
    void badStoreOptionValueExitsNonZeroNamingOptionAndValue() throws Exception {
        Path routes = work.resolve("bad-value.yaml");
        Files.writeString(routes, """
                - route:
                    id: bad-value
                    from:
                      uri: file:inbox
                      steps:
                        - to:
                            uri: pyroscope-store:local
                            parameters:
                              retention: banana
                """);
        try (AppProcess app = AppProcess.start(work, List.of(), routes.toString())) {
            int exit = app.waitForExit(Duration.ofSeconds(90));
            String out = app.output();
            assertThat(exit).as(out).isNotZero();
            assertThat(out).contains("retention").contains("banana").contains("bad-value.yaml");
        }
    }

    @Test
    void malformedYamlExitsNonZeroNamingTheFile() throws Exception {
        Path routes = work.resolve("not-yaml.yaml");
        Files.writeString(routes, "- route:\n    from: [unclosed\n");
        try (AppProcess app = AppProcess.start(work, List.of(), routes.toString())) {
            int exit = app.waitForExit(Duration.ofSeconds(90));
            assertThat(exit).as(app.output()).isNotZero();
            assertThat(app.output()).contains("not-yaml.yaml");
        }
    }
}
