package io.pyrocamel.core.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A repeatable request body from a (read-only) buffer, with the Content-Type sent exactly as given (an /ingest body
 * keeps its original multipart boundary text). Never copies the bytes.
 */
final class BytesEntityProducer implements AsyncEntityProducer {

    private final ByteBuffer content;
    private final String contentType;
    private volatile ByteBuffer remaining;

    BytesEntityProducer(ByteBuffer content, String contentType) {
        this.content = content.asReadOnlyBuffer();
        this.contentType = contentType == null || contentType.isEmpty() ? null : contentType;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return content.remaining();
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return false;
    }

    @Override
    public Set<String> getTrailerNames() {
        return null;
    }

    @Override
    public int available() {
        ByteBuffer r = remaining;
        return r == null ? content.remaining() : r.remaining();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        ByteBuffer r = remaining;
        if (r == null) {
            r = content.duplicate();
            remaining = r;
        }
        if (r.hasRemaining()) {
            channel.write(r);
        }
        if (!r.hasRemaining()) {
            channel.endStream();
        }
    }

    @Override
    public void failed(Exception cause) {
    }

    @Override
    public void releaseResources() {
        remaining = null;
    }
}
