package io.pyrocamel.discovery.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A /proc tree in a temporary directory, with the files discovery-process reads. */
final class FakeProc {

    private final Path root;

    FakeProc(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A process; null arguments leave that file or link out. */
    FakeProc process(int pid, String exe, String cwd, String cmdline, String uid, String cgroup) throws IOException {
        Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
        if (exe != null) {
            Files.createSymbolicLink(dir.resolve("exe"), Path.of(exe));
        }
        if (cwd != null) {
            Files.createSymbolicLink(dir.resolve("cwd"), Path.of(cwd));
        }
        if (cmdline != null) {
            Files.write(dir.resolve("cmdline"), cmdline.replace(' ', '\0').getBytes(StandardCharsets.UTF_8));
        }
        if (uid != null) {
            Files.writeString(dir.resolve("status"), "Name:\tapp\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t" + uid
                                                     + "\t" + uid + "\t" + uid + "\t" + uid + "\nGid:\t0\t0\t0\t0\n");
        }
        if (cgroup != null) {
            Files.writeString(dir.resolve("cgroup"), cgroup);
        }
        return this;
    }

    void remove(int pid) throws IOException {
        Path dir = root.resolve(Integer.toString(pid));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
