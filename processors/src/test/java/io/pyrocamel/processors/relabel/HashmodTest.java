package io.pyrocamel.processors.relabel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** MD5, bytes 8..15 big-endian unsigned, unsigned modulo (values: Prometheus tests, Alloy tests, Python hashlib). */
class HashmodTest {

    @ParameterizedTest(name = "md5({0}) % {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "baz|1000|976",
            "prod|2|1",
            "dev|2|0",
            "|7|1",
            "baz|18446744073709551615|16450797887570275976",
            "baz|9223372036854775808|7227425850715500168",
            "10.132.183.40:80|3|1",
    })
    void hashmod(String value, String modulus, String expected) {
        long m = Long.parseUnsignedLong(modulus);
        assertThat(Long.toUnsignedString(CompiledRule.hashmod(value == null ? "" : value, m))).isEqualTo(expected);
    }
}
