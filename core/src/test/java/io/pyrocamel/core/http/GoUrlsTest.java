package io.pyrocamel.core.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are Go's (path.Clean, url.QueryEscape, url.URL.EscapedPath) for the same inputs. */
class GoUrlsTest {

    @ParameterizedTest
    @CsvSource({"/,/", "/a/b,/a/b", "//a//b/,/a/b", "/a/./b/../c,/a/c", "/../a,/a", "/a/b/../../..,/"})
    void cleansLikePathClean(String in, String out) {
        assertThat(GoUrls.cleanPath(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a b~*/é|a+b~%2A%2F%C3%A9", "k=v&x|k%3Dv%26x", "AZaz09-_.~|AZaz09-_.~"})
    void escapesLikeQueryEscape(String in, String out) {
        assertThat(GoUrls.queryEscape(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/debug/pprof/profile|/debug/pprof/profile", "/a b/é|/a%20b/%C3%A9",
        "/x?y#z|/x%3Fy%23z", "/$&+,:;=@|/$&+,:;=@"})
    void escapesLikeAPath(String in, String out) {
        assertThat(GoUrls.escapePath(in)).isEqualTo(out);
    }
}
