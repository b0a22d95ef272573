package io.pyrocamel.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IngestFormatTest {

    @ParameterizedTest(name = "format={0} type={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "trie       | null                                  | TRIE",
        "null       | binary/octet-stream+trie              | TRIE",
        "tree       | null                                  | TREE",
        "null       | binary/octet-stream+tree              | TREE",
        "lines      | null                                  | LINES",
        "jfr        | application/octet-stream              | JFR",
        "jfr        | multipart/form-data; boundary=x       | JFR",
        "pprof      | application/octet-stream              | PPROF",
        "pprof      | multipart/form-data; boundary=x       | PPROF",
        "speedscope | application/json                      | SPEEDSCOPE",
        "null       | multipart/form-data; boundary=x       | PPROF_FORM",
        "folded     | null                                  | FOLDED",
        "collapsed  | text/plain                            | FOLDED",
        "null       | null                                  | FOLDED",
        "JFR        | null                                  | JFR",
        "trie       | multipart/form-data; boundary=x       | TRIE",
    })
    void detectsFirstMatchingRow(String format, String contentType, IngestFormat expected) {
        assertThat(IngestFormat.detect(format, contentType)).isEqualTo(expected);
    }
}
