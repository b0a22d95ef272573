package io.pyrocamel.receive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Pprof;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests get the right 4xx with a clear message, are never forwarded, and leave the server serving; a
 * bounded fuzz run never gets a 5xx.
 */
class BadInputTest extends ReceiveTestSupport {

    static final int LIMIT = 1 << 20;
    static final String PUSH = "/push.v1.PusherService/Push";

    @Override
    protected String receiverOptions() {
        return "&maxBodySize=1MiB";
    }

    record Case(String what, byte[] request, int status, String bodyContains) {
    }

    static Map<String, String> h(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Case c(String what, String method, String target, Map<String, String> headers, byte[] body, int status,
                  String contains) {
        return new Case(what, RawHttp.request(method, target, headers, body), status, contains);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<Case> cases() {
        byte[] pprof = Profiles.cpuPprofGzip();
        byte[] goodPush = ConnectPushTest.request().toByteArray();
        byte[] big = new byte[LIMIT + 1];
        List<Case> cs = new ArrayList<>();
        // paths and methods
        cs.add(c("unknown path", "POST", "/nope", h(), pprof, 404, "404 page not found"));
        cs.add(c("root path", "GET", "/", h(), null, 404, "404 page not found"));
        cs.add(c("ingest with trailing slash", "POST", "/ingest/?name=a", h(), pprof, 404, "page not found"));
        cs.add(c("other Connect method", "POST", "/push.v1.PusherService/Other", h("Content-Type",
                "application/proto"), goodPush, 404, "page not found"));
        cs.add(c("GET /ingest", "GET", "/ingest?name=a", h(), null, 405, "POST"));
        cs.add(c("PUT /ingest", "PUT", "/ingest?name=a", h(), pprof, 405, "POST"));
        cs.add(c("OPTIONS /ingest", "OPTIONS", "/ingest", h(), null, 405, "POST"));
        cs.add(c("GET Push", "GET", PUSH, h(), null, 405, "POST"));
        cs.add(c("DELETE Push", "DELETE", PUSH, h(), null, 405, "POST"));
        // /ingest name
        cs.add(c("no name", "POST", "/ingest?format=pprof", h(), pprof, 400, "service name is required"));
        cs.add(c("empty name", "POST", "/ingest?name=&format=pprof", h(), pprof, 400, "service name is required"));
        cs.add(c("blank name", "POST", "/ingest?name=%20%20&format=pprof", h(), pprof, 400, "service name"));
        cs.add(c("no app before brace", "POST", "/ingest?name=%7Benv%3Dx%7D", h(), pprof, 400, "application name"));
        cs.add(c("bad app name", "POST", "/ingest?name=my%20app%2Bx", h(), pprof, 400, "invalid application name"));
        cs.add(c("bad label key", "POST", "/ingest?name=app%7Bbad-key%3Dx%7D", h(), pprof, 400, "bad-key"));
        cs.add(c("__name__ in braces", "POST", "/ingest?name=app%7B__name__%3Dx%7D", h(), pprof, 400, "__name__"));
        cs.add(c("stray comma key", "POST", "/ingest?name=app%7B%2Ck%3Dv%7D", h(), pprof, 400, "invalid label name"));
        // /ingest bodies
        cs.add(c("empty pprof", "POST", "/ingest?name=a&format=pprof", h(), new byte[0], 400, "empty body"));
        cs.add(c("empty jfr", "POST", "/ingest?name=a&format=jfr", h(), new byte[0], 400, "empty body"));
        cs.add(c("jfr form without boundary", "POST", "/ingest?name=a&format=jfr",
                h("Content-Type", "multipart/form-data"), Profiles.form("jfr", b("x")), 400, "boundary"));
        cs.add(c("jfr form without jfr part", "POST", "/ingest?name=a&format=jfr",
                h("Content-Type", Profiles.formContentType()), Profiles.form("labels", b("x")), 400, "\\\"jfr\\\""));
        cs.add(c("jfr form with empty jfr part", "POST", "/ingest?name=a&format=jfr",
                h("Content-Type", Profiles.formContentType()), Profiles.form("jfr", new byte[0]), 400, "empty"));
        cs.add(c("truncated jfr form", "POST", "/ingest?name=a&format=jfr",
                h("Content-Type", Profiles.formContentType()),
                Arrays.copyOf(Profiles.form("jfr", b("abc")), 60), 400, "multipart"));
        cs.add(c("pprof form without profile part", "POST", "/ingest?name=a",
                h("Content-Type", Profiles.formContentType()), Profiles.form("other", pprof), 400, "\\\"profile\\\""));
        cs.add(c("pprof form with prev_profile", "POST", "/ingest?name=a",
                h("Content-Type", Profiles.formContentType()), Profiles.form("profile", pprof, "prev_profile", pprof),
                400, "prev_profile"));
        cs.add(c("form body not multipart", "POST", "/ingest?name=a",
                h("Content-Type", Profiles.formContentType()), b("hello"), 400, "boundary"));
        cs.add(c("ingest body over the limit", "POST", "/ingest?name=a&format=pprof", h(), big, 413, "maxBodySize"));
        cs.add(c("chunked ingest body over the limit", "POST", "/ingest?name=a&format=pprof",
                h("Transfer-Encoding", "chunked"), RawHttp.chunked(big, 65536), 413, "maxBodySize"));
        // Connect
        cs.add(c("push without content type", "POST", PUSH, h(), goodPush, 415, "unsupported content type"));
        cs.add(c("push as text/plain", "POST", PUSH, h("Content-Type", "text/plain"), goodPush, 415, "application/proto"));
        cs.add(c("push as gRPC", "POST", PUSH, h("Content-Type", "application/grpc"), goodPush, 415, "gRPC"));
        cs.add(c("malformed protobuf", "POST", PUSH, h("Content-Type", "application/proto"),
                new byte[] { 10, 50, 1, 2 }, 400, "invalid_argument"));
        cs.add(c("protobuf with a bad wire type", "POST", PUSH, h("Content-Type", "application/proto"),
                new byte[] { 15, 1 }, 400, "unmarshal"));
        cs.add(c("malformed JSON", "POST", PUSH, h("Content-Type", "application/json"), b("{\"series\":[}"), 400,
                "unmarshal"));
        cs.add(c("JSON of the wrong shape", "POST", PUSH, h("Content-Type", "application/json"),
                b("{\"series\":{\"labels\":5}}"), 400, "invalid_argument"));
        cs.add(c("JSON with bad base64", "POST", PUSH, h("Content-Type", "application/json"),
                b("{\"series\":[{\"samples\":[{\"rawProfile\":\"***\"}]}]}"), 400, "invalid_argument"));
        cs.add(c("JSON not UTF-8", "POST", PUSH, h("Content-Type", "application/json"),
                new byte[] { '{', (byte) 0xff, '}' }, 400, "UTF-8"));
        cs.add(c("bad gzip", "POST", PUSH, h("Content-Type", "application/proto", "Content-Encoding", "gzip"),
                goodPush, 400, "gzip"));
        cs.add(c("truncated gzip", "POST", PUSH, h("Content-Type", "application/proto", "Content-Encoding", "gzip"),
                Arrays.copyOf(Pprof.gzip(goodPush), 30), 400, "gzip"));
        cs.add(c("unknown encoding", "POST", PUSH, h("Content-Type", "application/proto", "Content-Encoding", "br"),
                goodPush, 501, "unimplemented"));
        cs.add(c("Connect protocol version 2", "POST", PUSH,
                h("Content-Type", "application/proto", "Connect-Protocol-Version", "2"), goodPush, 400,
                "connect-protocol-version"));
        cs.add(c("bad Connect-Timeout-Ms", "POST", PUSH,
                h("Content-Type", "application/proto", "Connect-Timeout-Ms", "soon"), goodPush, 400, "timeout"));
        cs.add(c("too long Connect-Timeout-Ms", "POST", PUSH,
                h("Content-Type", "application/proto", "Connect-Timeout-Ms", "12345678901"), goodPush, 400,
                "timeout"));
        cs.add(c("bad label name in a series", "POST", PUSH, h("Content-Type", "application/proto"),
                io.pyrocamel.core.proto.push.v1.PushRequest.newBuilder().addSeries(
                        io.pyrocamel.core.proto.push.v1.RawProfileSeries.newBuilder()
                                .addLabels(ConnectPushTest.pair("bad-name", "x"))).build().toByteArray(),
                400, "bad-name"));
        cs.add(c("push body over the limit", "POST", PUSH, h("Content-Type", "application/proto"), big, 413,
                "maxBodySize"));
        cs.add(c("gzip bomb over the limit", "POST", PUSH,
                h("Content-Type", "application/proto", "Content-Encoding", "gzip"), Pprof.gzip(new byte[LIMIT * 3]),
                413, "decompression"));
        // HTTP itself
        cs.add(new Case("garbage request line", b("HELLO\r\n\r\n"), 400, "malformed"));
        cs.add(new Case("HTTP/1.1 without Host", b("POST /ingest?name=a HTTP/1.1\r\nContent-Length: 1\r\n\r\nx"), 400,
                ""));
        cs.add(new Case("bad chunk size", b("POST /ingest?name=a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                          + "\r\nzz\r\nabc\r\n0\r\n\r\n"), 400, "malformed"));
        return cs;
    }

    @Test
    void malformedRequestsGetTheirStatusAndAreNeverForwarded() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        out().expectedMessageCount(0);
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            RawHttp.Response r = RawHttp.send(port(), c.request());
            if (r.status() != c.status() || !r.text().contains(c.bodyContains())) {
                failures.add(c.what() + ": expected " + c.status() + " containing '" + c.bodyContains() + "', got "
                             + r);
            }
            assertThat(r.text()).doesNotContain("\tat ").doesNotContain("Exception:");
        }
        assertThat(failures).isEmpty();
        out().assertIsSatisfied();

        out().reset();
        out().expectedMessageCount(1);
        assertThat(post("/ingest?name=still.alive&format=pprof", null, Profiles.cpuPprofGzip()).statusCode())
                .isEqualTo(200);
        out().assertIsSatisfied();
    }

    @Test
    void fuzzedBodiesNeverGetA5xx() throws Exception {
        Random random = new Random(20261125L);
        byte[] push = ConnectPushTest.request().toByteArray();
        byte[] json = com.google.protobuf.util.JsonFormat.printer().print(ConnectPushTest.request())
                .getBytes(StandardCharsets.UTF_8);
        byte[] form = Profiles.form("jfr", Profiles.cpuPprofGzip(), "labels", new byte[] { 10, 2, 8, 1 });
        String[] targets = { PUSH, "/ingest?name=f.cpu&format=pprof", "/ingest?name=f&format=jfr",
                             "/ingest?name=f%7Ba%3Db%7D", "/ingest?name=f&format=lines" };
        int n = 300;
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            byte[] body = switch (kind) {
                case 0 -> randomBytes(random, random.nextInt(2000));
                case 1 -> mutate(random, push);
                case 2 -> mutate(random, json);
                default -> mutate(random, form);
            };
            String target = targets[random.nextInt(targets.length)];
            Map<String, String> headers = new LinkedHashMap<>();
            if (target.equals(PUSH)) {
                headers.put("Content-Type", random.nextBoolean() ? "application/proto" : "application/json");
                if (random.nextInt(4) == 0) {
                    headers.put("Content-Encoding", "gzip");
                    if (random.nextBoolean()) {
                        body = Pprof.gzip(body);
                    }
                }
            } else if (target.contains("jfr")) {
                headers.put("Content-Type", Profiles.formContentType());
            }
            RawHttp.Response r = RawHttp.send(port(), RawHttp.request("POST", target, headers, body));
            assertThat(r.status()).as("request %d to %s: %s", i, target, r).isLessThan(500);
        }
        assertThat(post("/ingest?name=after.fuzz&format=pprof", null, Profiles.cpuPprofGzip()).statusCode())
                .isEqualTo(200);
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] mutate(Random r, byte[] valid) {
        byte[] b = valid.clone();
        int edits = 1 + r.nextInt(8);
        for (int i = 0; i < edits && b.length > 0; i++) {
            switch (r.nextInt(3)) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
                default -> {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
        }
        return b;
    }
}
