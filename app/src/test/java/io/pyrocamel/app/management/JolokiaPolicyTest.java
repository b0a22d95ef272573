package io.pyrocamel.app.management;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JolokiaPolicyTest {

    @Test
    void readOnlyByDefault() {
        String xml = JolokiaPolicy.xml(false, false, true);
        assertThat(xml).contains("<command>read</command>", "<command>list</command>", "<command>search</command>",
                "<command>version</command>");
        assertThat(xml).doesNotContain("<command>write</command>").doesNotContain("<command>exec</command>");
        assertThat(xml).contains("<name>org.apache.camel:*</name>").contains("<operation>dump*</operation>")
                .contains("<operation>componentNames*</operation>");
        assertThat(xml).doesNotContain("<operation>stop").doesNotContain("<operation>start")
                .doesNotContain("browse").doesNotContain("evaluate").doesNotContain("send");
    }

    @Test
    void execAndWriteWhenAllowed() {
        String xml = JolokiaPolicy.xml(true, true, true);
        assertThat(xml).contains("<command>write</command>", "<command>exec</command>");
        assertThat(xml).doesNotContain("<allow>");
    }

    @Test
    void noExecAtAllWhenReadOnlyOperationsAreOff() {
        String xml = JolokiaPolicy.xml(false, false, false);
        assertThat(xml).doesNotContain("<allow>").doesNotContain("<command>exec</command>");
    }
}
