package io.pyrocamel.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AbstractAsyncResponseConsumer;

/** Keeps the status, headers and the first {@code limit} body bytes; reads and drops the rest. */
final class BoundedResponseConsumer extends AbstractAsyncResponseConsumer<HttpResponseData, BoundedResponseConsumer.Body> {

    record Body(byte[] bytes, boolean truncated) {
    }

    BoundedResponseConsumer(int limit) {
        super(new BodyConsumer(limit));
    }

    @Override
    protected HttpResponseData buildResult(HttpResponse response, Body body, ContentType contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        String protocol = response.getVersion() == null ? "HTTP/1.1" : response.getVersion().format();
        Body b = body == null ? new Body(new byte[0], false) : body;
        return new HttpResponseData(response.getCode(), response.getReasonPhrase() == null ? ""
                : response.getReasonPhrase(), protocol, headers, b.bytes(), b.truncated());
    }

    @Override
    public void informationResponse(HttpResponse response, org.apache.hc.core5.http.protocol.HttpContext context) {
    }

    private static final class BodyConsumer extends AbstractBinAsyncEntityConsumer<Body> {
        private final int limit;
        private ByteArrayOutputStream out;
        private boolean truncated;

        BodyConsumer(int limit) {
            this.limit = limit;
        }

        @Override
        protected void streamStart(ContentType contentType) {
            out = new ByteArrayOutputStream(Math.min(limit, 1024));
            truncated = false;
        }

        @Override
        protected Body generateContent() {
            return new Body(out == null ? new byte[0] : out.toByteArray(), truncated);
        }

        @Override
        protected int capacityIncrement() {
            return Integer.MAX_VALUE;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) {
            int keep = Math.min(src.remaining(), limit - out.size());
            if (keep > 0) {
                byte[] b = new byte[keep];
                src.get(b);
                out.write(b, 0, keep);
            }
            if (src.hasRemaining()) {
                truncated = true;
                src.position(src.limit());
            }
        }

        @Override
        public void releaseResources() {
        }
    }
}
