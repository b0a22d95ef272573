package io.pyrocamel.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathNamesTest {

    @Test
    void segmentReplacesSeparatorsControlCharactersAndLeadingDots() {
        assertThat(PathNames.segment("checkout", "x")).isEqualTo("checkout");
        assertThat(PathNames.segment("ns/checkout", "x")).isEqualTo("ns_checkout");
        assertThat(PathNames.segment("../../etc", "x")).isEqualTo("_._.._etc");
        assertThat(PathNames.segment("..", "x")).isEqualTo("_.");
        assertThat(PathNames.segment(".hidden", "x")).isEqualTo("_hidden");
        assertThat(PathNames.segment("a\\b:c*d?e\"f<g>h|i", "x")).isEqualTo("a_b_c_d_e_f_g_h_i");
        assertThat(PathNames.segment("tab\there\nnl\u0000nul\u007fdel", "x")).isEqualTo("tab_here_nl_nul_del");
        assertThat(PathNames.segment("\u202eevil", "x")).isEqualTo("_evil");
        assertThat(PathNames.segment("my app.cpu", "x")).isEqualTo("my app.cpu");
        assertThat(PathNames.segment("sérvice-日本", "x")).isEqualTo("sérvice-日本");
    }

    @Test
    void segmentFallsBackForBlankAndCutsLongNames() {
        assertThat(PathNames.segment(null, "unknown_service")).isEqualTo("unknown_service");
        assertThat(PathNames.segment("  ", "unknown_service")).isEqualTo("unknown_service");
        assertThat(PathNames.segment("x".repeat(500), "f")).hasSize(PathNames.MAX_SEGMENT_BYTES);
        assertThat(PathNames.segment("日".repeat(100), "f").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(PathNames.MAX_SEGMENT_BYTES);
    }

    @Test
    void serviceFromFileNameTakesTheFirstFolderOrThePartBeforeTheFirstDot() {
        assertThat(PathNames.serviceFromFileName("checkout.cpu.pb.gz")).isEqualTo("checkout");
        assertThat(PathNames.serviceFromFileName("cart/x.pb.gz")).isEqualTo("cart");
        assertThat(PathNames.serviceFromFileName("cart\\sub\\x.pb.gz")).isEqualTo("cart");
        assertThat(PathNames.serviceFromFileName("orders")).isEqualTo("orders");
        assertThat(PathNames.serviceFromFileName(".pb.gz")).isNull();
        assertThat(PathNames.serviceFromFileName(null)).isNull();
    }
}
