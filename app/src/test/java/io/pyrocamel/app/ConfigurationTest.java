package io.pyrocamel.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where settings come from: the jar's application.properties, extra files (pyrocamel.config), overrides. */
class ConfigurationTest {

    @TempDir
    Path tmp;

    @Test
    void extraFilesOverrideTheDefaultsLaterFilesWin() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.properties"), "pyrocamel.inbox.directory=/from/a\nmy.key=a\n");
        Path b = Files.writeString(tmp.resolve("b.properties"), "pyrocamel.inbox.directory=/from/b\n");
        PyrocamelApplication app = new PyrocamelApplication(List.of(TestApp.route("timer.yaml")), Map.of(
                "pyrocamel.management.enabled", "false",
                PyrocamelApplication.CONFIG_FILES, a + "," + b));
        app.start();
        try {
            var ctx = app.getCamelContext();
            assertThat(ctx.resolvePropertyPlaceholders("{{pyrocamel.inbox.directory}}")).isEqualTo("/from/b");
            assertThat(ctx.resolvePropertyPlaceholders("{{my.key}}")).isEqualTo("a");
            // untouched defaults still come from the jar's application.properties
            assertThat(ctx.resolvePropertyPlaceholders("{{pyrocamel.store.directory}}")).isEqualTo("data/profiles");
            assertThat(ctx.getName()).isEqualTo("pyrocamel");
        } finally {
            app.close();
        }
    }

    @Test
    void missingExtraFileIsACommandLineError() {
        PyrocamelApplication app = new PyrocamelApplication(List.of(TestApp.route("timer.yaml")), Map.of(
                PyrocamelApplication.CONFIG_FILES, tmp.resolve("nope.properties").toString()));
        assertThatThrownBy(app::start)
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Configuration file")
                .hasMessageContaining("nope.properties not found")
                .satisfies(e -> assertThat(((StartupException) e).getExitCode()).isEqualTo(2));
    }

    @Test
    void unknownCamelSettingFailsStartupNamingTheKey() {
        assertThatThrownBy(() -> TestApp.start(Map.of("pyrocamel.management.enabled", "false",
                "camel.main.noSuchSetting", "1"), "timer.yaml"))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Configuration property camel.main.noSuchSetting=1: no such option");
    }
}
