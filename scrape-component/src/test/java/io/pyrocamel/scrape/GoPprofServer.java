package io.pyrocamel.scrape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real Go pprof producer for the tests: {@code src/test/go/pprofserver} (standard library {@code net/http/pprof}
 * plus fgprof-like, custom and failing paths), built once per JVM with Debian's Go toolchain into
 * {@code target/go/}, started as a process. Its request log (path and query of every request) is kept.
 */
final class GoPprofServer implements AutoCloseable {

    private static Path binary;

    private final Process process;
    private final int port;
    private final List<String> requests;

    private GoPprofServer(Process process, int port, List<String> requests) {
        this.process = process;
        this.port = port;
        this.requests = requests;
    }

    /** Builds the Go program (once): fails with a message naming the package to install when go is missing. */
    static synchronized Path binary() throws IOException, InterruptedException {
        if (binary != null) {
            return binary;
        }
        Path go = findGo();
        if (go == null) {
            throw new IllegalStateException("The Go toolchain is needed to build the real pprof producers of these"
                                            + " tests, but no 'go' was found on PATH or in /usr/lib/go/bin: install"
                                            + " it with 'apt-get install -y golang-go'");
        }
        Path dir = Path.of("target", "go", "pprofserver").toAbsolutePath();
        Files.createDirectories(dir);
        Files.copy(Path.of("src/test/go/pprofserver/main.go"), dir.resolve("main.go"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("go.mod"), "module pprofserver\n\ngo 1.19\n");
        Path out = dir.resolve("pprofserver");
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", out.toString(), ".")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GOPROXY", "off");
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("CGO_ENABLED", "0");
        pb.environment().putIfAbsent("GOCACHE", Path.of("target", "go", "cache").toAbsolutePath().toString());
        pb.environment().putIfAbsent("HOME", System.getProperty("user.home"));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("go build of src/test/go/pprofserver failed:\n" + log);
        }
        binary = out;
        return out;
    }

    static Path findGo() {
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(d, "go"));
            }
        }
        candidates.add(Path.of("/usr/lib/go/bin/go"));
        candidates.add(Path.of("/usr/local/go/bin/go"));
        for (Path c : candidates) {
            if (Files.isExecutable(c)) {
                return c;
            }
        }
        return null;
    }

    /** Starts the server on a free loopback port; {@code args}: e.g. {@code -tls-cert f -tls-key k}. */
    static GoPprofServer start(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(List.of(args));
        Path stderr = Path.of("target", "go", "pprofserver-stderr.log").toAbsolutePath();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
        CountDownLatch ready = new CountDownLatch(1);
        int[] port = new int[1];
        List<String> requests = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("LISTENING ")) {
                        port[0] = Integer.parseInt(line.substring(10).strip());
                        ready.countDown();
                    } else if (line.startsWith("REQ GET ")) {
                        requests.add(line.substring(8));
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "pprofserver-stdout");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pprofserver did not start");
        }
        return new GoPprofServer(p, port[0], requests);
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Path and query of every request so far, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
