package io.pyrocamel.scrape.discovery;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pyrocamel.scrape.support.GoGlob;
import io.pyrocamel.scrape.support.TargetGroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Go's filepath.Match/Glob semantics and the target group format. */
class GoGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "*.json, a.json, true", "*.json, a.yaml, false", "a?.json, ab.json, true", "a?.json, a.json, false",
        "[ab]*.yml, b1.yml, true", "[^ab]*.yml, b1.yml, false", "[a-c]x.json, cx.json, true", "\\*.json, *.json, true",
        "\\*.json, a.json, false", "*, '', true",
    })
    void match(String pattern, String name, boolean expected) {
        assertThat(GoGlob.match(pattern, name)).isEqualTo(expected);
    }

    @Test
    void globSortsAndCleans(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.json"), "[]");
        Files.writeString(dir.resolve("a.json"), "[]");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.json"), "[]");
        assertThat(GoGlob.glob(dir + "/./*.json")).containsExactly(dir + "/a.json", dir + "/b.json");
        assertThat(GoGlob.glob(dir + "/*/c.json")).containsExactly(dir + "/sub/c.json");
        assertThat(GoGlob.glob(dir + "/none.json")).isEmpty();
        assertThat(GoGlob.glob(dir + "/a.json")).containsExactly(dir + "/a.json");
        assertThat(GoGlob.clean("./x/../y//z.json")).isEqualTo("y/z.json");
    }

    @Test
    void targetGroupErrors() {
        assertThatThrownBy(() -> TargetGroups.parse("[{\"targets\": \"h:1\"}]", false, "__meta_url", "u"))
                .hasMessageContaining("targets must be a list");
        assertThatThrownBy(() -> TargetGroups.parse("[{\"targets\": [\"h:1\"], \"labels\": {\"a-b\": \"x\"}}]",
                false, "__meta_url", "u")).hasMessageContaining("\"a-b\" is not a valid label name");
        assertThatThrownBy(() -> TargetGroups.parse("[null]", false, "__meta_url", "u"))
                .hasMessageContaining("target group [0] is null, not a map");
        assertThat(TargetGroups.parse("[]", true, "__meta_url", "u")).isEmpty();
        assertThat(TargetGroups.parse("", true, "__meta_url", "u")).isEmpty();
    }
}
