package io.pyrocamel.scrape;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pyrocamel.core.docs.ComponentDocs;

import static org.assertj.core.api.Assertions.assertThat;

/** Each doc page holds the option and header tables generated from its component descriptor. */
class DocPagesTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "io.pyrocamel.scrape.PyroscopeScrapeComponent, pyroscope-scrape",
        "io.pyrocamel.scrape.discovery.file.DiscoveryFileComponent, discovery-file",
        "io.pyrocamel.scrape.discovery.http.DiscoveryHttpComponent, discovery-http",
    })
    void docPageHoldsTheGeneratedTables(String componentClass, String scheme) throws Exception {
        assertThat(ComponentDocs.verify(Class.forName(componentClass), scheme,
                Path.of("src/main/docs/" + scheme + "-component.adoc"),
                Path.of("src/main/docs/" + scheme + "-alloy-names.properties"))).isNull();
    }
}
