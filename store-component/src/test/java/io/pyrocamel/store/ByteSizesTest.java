package io.pyrocamel.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizesTest {

    @Test
    void parsesPlainBytesAndBinaryUnits() {
        assertThat(ByteSizes.parse("maxBytes", "0")).isZero();
        assertThat(ByteSizes.parse("maxBytes", "1234")).isEqualTo(1234);
        assertThat(ByteSizes.parse("maxBytes", "10B")).isEqualTo(10);
        assertThat(ByteSizes.parse("maxBytes", "512MB")).isEqualTo(512L << 20);
        assertThat(ByteSizes.parse("maxBytes", "512 mb")).isEqualTo(512L << 20);
        assertThat(ByteSizes.parse("maxBytes", "2GiB")).isEqualTo(2L << 30);
        assertThat(ByteSizes.parse("maxBytes", "3k")).isEqualTo(3072);
        assertThat(ByteSizes.parse("maxBytes", "1T")).isEqualTo(1L << 40);
    }

    @Test
    void rejectsNegativeAndGarbageNamingTheOption() {
        for (String bad : new String[] {"-5", "five", "5XB", "", "1.5GB", "5i"}) {
            assertThatThrownBy(() -> ByteSizes.parse("maxBytes", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes")
                    .hasMessageContaining("\"" + bad + "\"");
        }
        assertThatThrownBy(() -> ByteSizes.parse("maxBytes", "99999999999T"))
                .hasMessageContaining("maxBytes is too large");
    }
}
