package io.pyrocamel.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forward HTTP proxy on loopback that records what it is asked: {@code CONNECT host:port} tunnels (with the
 * CONNECT request's headers, e.g. {@code proxyConnectHeader}s and {@code Proxy-Authorization}) and plain
 * absolute-URI requests (forwarded with {@code Connection: close}). Host names can be mapped to addresses
 * ({@link #map}) so tests can use names that only the proxy resolves.
 */
public final class RecordingProxy implements AutoCloseable {

    /** One request the proxy saw. */
    public record Seen(String method, String target, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> hosts = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private RecordingProxy() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pool.execute(this::acceptLoop);
    }

    public static RecordingProxy start() {
        try {
            return new RecordingProxy();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Resolve {@code host} to {@code address} when connecting onwards. */
    public RecordingProxy map(String host, String address) {
        hosts.put(host.toLowerCase(Locale.ROOT), address);
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> connects() {
        return seen.stream().filter(s -> s.method().equals("CONNECT")).toList();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                open.add(client);
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head == null || head.isEmpty()) {
                    return;
                }
                String[] line = head.get(0).split(" ", 3);
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (int i = 1; i < head.size(); i++) {
                    int colon = head.get(i).indexOf(':');
                    if (colon > 0) {
                        headers.computeIfAbsent(head.get(i).substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                k -> new ArrayList<>()).add(head.get(i).substring(colon + 1).strip());
                    }
                }
                seen.add(new Seen(line[0], line[1], headers));
                if (line[0].equals("CONNECT")) {
                    tunnel(client, in, out, line[1]);
                    return;
                }
                forward(in, out, line, head, headers);
                return;
            }
        } catch (IOException e) {
            // connection ended
        }
    }

    private void tunnel(Socket client, InputStream in, OutputStream out, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        try (Socket upstream = new Socket(resolve(host), port)) {
            open.add(upstream);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pool.execute(() -> pipe(in, upstreamOut(upstream), upstream));
            pipe(upstream.getInputStream(), out, client);
        } catch (IOException e) {
            out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static OutputStream upstreamOut(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void forward(InputStream in, OutputStream out, String[] line, List<String> head,
                         Map<String, List<String>> headers) throws IOException {
        URI uri = URI.create(line[1]);
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        long length = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length").get(0)) : 0;
        byte[] body = in.readNBytes((int) length);
        try (Socket upstream = new Socket(resolve(uri.getHost()), port)) {
            OutputStream up = upstream.getOutputStream();
            StringBuilder sb = new StringBuilder();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            sb.append(line[0]).append(' ').append(path).append(' ').append(line[2]).append("\r\n");
            for (int i = 1; i < head.size(); i++) {
                String h = head.get(i).toLowerCase(Locale.ROOT);
                if (h.startsWith("proxy-") || h.startsWith("connection:") || h.startsWith("keep-alive:")) {
                    continue;
                }
                sb.append(head.get(i)).append("\r\n");
            }
            sb.append("Connection: close\r\n\r\n");
            up.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            // the response ends when the upstream closes (Connection: close)
            List<String> respHead = readHead(upstream.getInputStream());
            if (respHead == null) {
                return;
            }
            StringBuilder rh = new StringBuilder();
            for (String h : respHead) {
                String l = h.toLowerCase(Locale.ROOT);
                if (l.startsWith("connection:") || l.startsWith("keep-alive:")) {
                    continue;
                }
                rh.append(h).append("\r\n");
            }
            rh.append("Connection: close\r\n\r\n");
            out.write(rh.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.getInputStream().transferTo(out);
            out.flush();
        }
    }

    private InetAddress resolve(String host) throws IOException {
        String mapped = hosts.get(host.toLowerCase(Locale.ROOT));
        return InetAddress.getByName(mapped != null ? mapped : host);
    }

    private static void pipe(InputStream in, OutputStream out, Socket closeWhenDone) {
        byte[] buf = new byte[16384];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // ended
        } finally {
            try {
                closeWhenDone.shutdownOutput();
            } catch (IOException e) {
                // ignore
            }
        }
    }

    /** Reads an HTTP head (request/status line + headers) up to the empty line; {@code null} at end of stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n' && prev == '\r') {
                byte[] b = line.toByteArray();
                String s = new String(b, 0, b.length - 1, StandardCharsets.ISO_8859_1);
                if (s.isEmpty()) {
                    return lines;
                }
                lines.add(s);
                line.reset();
            } else {
                line.write(c);
            }
            prev = c;
        }
        return lines.isEmpty() ? null : lines;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // ignore
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // ignore
            }
        }
        pool.shutdownNow();
    }
}
