package io.pyrocamel.receive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The multipart reader: parts found exactly, and hostile bodies cost linear time, not quadratic. */
class MultipartTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsPartsWithCrlfAndLfLineEnds() {
        byte[] body = bytes("--xyz\r\nContent-Disposition: form-data; name=\"jfr\"; filename=\"a.jfr\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\nJFRDATA\r\n--xyz\n"
                            + "Content-Disposition: form-data; name=labels\n\nLBL\n--xyz--\r\n");
        List<Multipart.Part> parts = Multipart.parse(body, "xyz");
        assertThat(parts).extracting(Multipart.Part::name).containsExactly("jfr", "labels");
        assertThat(new String(parts.get(0).content(body), StandardCharsets.ISO_8859_1)).isEqualTo("JFRDATA");
        assertThat(parts.get(0).filename()).isEqualTo("a.jfr");
        assertThat(parts.get(0).contentType()).isEqualTo("application/octet-stream");
        assertThat(new String(parts.get(1).content(body), StandardCharsets.ISO_8859_1)).isEqualTo("LBL");
    }

    @Test
    void aBoundaryInsideContentThatDoesNotStartALineIsContent() {
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; name=p\r\n\r\nx--b y\r\n--b--");
        assertThat(new String(Multipart.parse(body, "b").get(0).content(body), StandardCharsets.ISO_8859_1))
                .isEqualTo("x--b y");
    }

    @Test
    void rejectsTruncatedAndHeaderlessParts() {
        assertThatThrownBy(() -> Multipart.parse(bytes("--b\r\nContent-Disposition: form-data; name=p\r\n\r\nxx"), "b"))
                .hasMessageContaining("truncated");
        byte[] longHeaders = new byte[Multipart.MAX_HEADER_BYTES + 100];
        Arrays.fill(longHeaders, (byte) 'h');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("--b\r\n"));
        out.writeBytes(longHeaders);
        out.writeBytes(bytes("\r\n\r\nx\r\n--b--"));
        assertThatThrownBy(() -> Multipart.parse(out.toByteArray(), "b")).hasMessageContaining("no end of headers");
    }

    /** 200,000 small parts with CRLF headers: the old reader searched the rest of the body for LF LF per part. */
    @Test
    void manyPartsParseInLinearTime() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] part = bytes("--b\r\nContent-Disposition: form-data; name=x\r\n\r\nX\r\n");
        for (int i = 0; i < 200_000; i++) {
            out.writeBytes(part);
        }
        out.writeBytes(bytes("--b--\r\n"));
        byte[] body = out.toByteArray();
        List<Multipart.Part> parts = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Multipart.parse(body, "b"));
        assertThat(parts).hasSize(200_000);
    }

    /** 16 MiB of near-boundaries with a 70-character boundary: linear search, not length x boundary. */
    @Test
    void nearMissBoundariesParseInLinearTime() {
        String boundary = "-".repeat(69) + "Z";
        byte[] filler = new byte[16 << 20];
        Arrays.fill(filler, (byte) '-');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=p\r\n\r\n"));
        out.writeBytes(filler);
        out.writeBytes(bytes("\r\n--" + boundary + "--"));
        byte[] body = out.toByteArray();
        List<Multipart.Part> parts = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Multipart.parse(body, boundary));
        assertThat(parts.get(0).end() - parts.get(0).start()).isEqualTo(filler.length);
    }
}
