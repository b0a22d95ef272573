package io.pyrocamel.receive;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain port answers the HTTP/2 connection preface (h2c with prior knowledge) with its SETTINGS frame. */
class H2cPriorKnowledgeTest extends ReceiveTestSupport {

    @Test
    void servesH2cWithPriorKnowledge() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[] { 0, 0, 0, 4, 0, 0, 0, 0, 0 }); // empty SETTINGS frame
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[9];
            in.readFully(header);
            assertThat(header[3]).as("frame type SETTINGS").isEqualTo((byte) 4);
            assertThat(header[5] | header[6] | header[7] | header[8]).as("stream 0").isZero();
        }
        // and HTTP/1.1 still works on the same port
        assertThat(post("/ingest?name=h1&format=pprof", null, Profiles.cpuPprofGzip()).statusCode()).isEqualTo(200);
    }
}
