package io.pyrocamel.write;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.pyrocamel.core.docs.ComponentDocs;

import static org.assertj.core.api.Assertions.assertThat;

/** The doc page holds the option and header tables generated from the component descriptor. */
class PyroscopeWriteDocPageTest {

    @Test
    void docPageHoldsTheGeneratedTables() {
        assertThat(ComponentDocs.verify(PyroscopeWriteComponent.class, "pyroscope-write",
                Path.of("src/main/docs/pyroscope-write-component.adoc"),
                Path.of("src/main/docs/pyroscope-write-alloy-names.properties"))).isNull();
    }
}
