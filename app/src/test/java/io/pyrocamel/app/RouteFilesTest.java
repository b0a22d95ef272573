package io.pyrocamel.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteFilesTest {

    @TempDir
    Path dir;

    @Test
    void folderMeansItsYamlFilesInNameOrder() throws Exception {
        Files.writeString(dir.resolve("b.yml"), "[]");
        Files.writeString(dir.resolve("a.yaml"), "[]");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.createDirectory(dir.resolve("sub.yaml"));
        Path single = Files.writeString(dir.resolve("single.YAML"), "[]");

        List<Path> files = RouteFiles.resolve(List.of(dir.toString()));
        assertThat(files).containsExactly(dir.resolve("a.yaml"), dir.resolve("b.yml"), single);
        assertThat(RouteFiles.includePattern(files.subList(0, 2)))
                .isEqualTo("file:" + dir.resolve("a.yaml") + ",file:" + dir.resolve("b.yml"));
    }

    @Test
    void emptyFolderIsAnError() {
        assertThatThrownBy(() -> RouteFiles.resolve(List.of(dir.toString())))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("holds no *.yaml or *.yml file");
    }

    @Test
    void withoutArgumentsTheDefaultIsTried() {
        // the module folder has no routes/default.yaml, so the message explains the default
        assertThatThrownBy(() -> RouteFiles.resolve(List.of()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Route file routes/default.yaml not found")
                .hasMessageContaining("no route file given on the command line");
    }
}
