package io.pyrocamel.discovery.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

/**
 * One scan of {@code /proc}: a target per process, as Alloy's {@code discovery.process} builds it.
 *
 * <p>Per process (a numeric directory): {@code __process_pid__}; {@code __meta_process_exe} (the link
 * {@code exe}), {@code __meta_process_cwd} (the link {@code cwd}), {@code __meta_process_commandline}
 * ({@code cmdline}, NUL-separated arguments joined with single spaces, empty arguments dropped),
 * {@code __meta_process_username} (the real uid's name in {@code /etc/passwd}; none when unknown),
 * {@code __meta_process_uid} (the real uid from {@code status}), {@code __container_id__} and
 * {@code __meta_process_cgroup_path} (from {@code cgroup}), each when enabled in {@link DiscoverConfig}. As in Alloy, a
 * process whose enabled {@code exe}, {@code cwd}, {@code cmdline} or {@code cgroup} cannot be read is left out
 * (kernel threads have no {@code exe}; other users' processes cannot be read without root); a missing
 * username or uid only leaves that label out. Processes that exit during the scan are skipped silently.
 *
 * @since 0.1.0
 */
public final class ProcessScanner {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessScanner.class);

    public static final String EXE = "__meta_process_exe";
    public static final String CWD = "__meta_process_cwd";
    public static final String COMMANDLINE = "__meta_process_commandline";
    public static final String USERNAME = "__meta_process_username";
    public static final String UID = "__meta_process_uid";
    public static final String CGROUP_PATH = "__meta_process_cgroup_path";

    private final Path proc;
    private final Path passwd;
    private final DiscoverConfig config;

    /** Skipped processes of the last scan for lack of permission (not counted: gone or kernel threads). */
    private int deniedLastScan;

    public ProcessScanner(Path proc, Path passwd, DiscoverConfig config) {
        this.proc = proc;
        this.passwd = passwd;
        this.config = config;
    }

    /**
     * Scans all processes, in pid order.
     *
     * @throws IOException when {@code /proc} itself cannot be listed (the refresh fails)
     */
    public List<Target> scan() throws IOException {
        List<Integer> pids = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(proc)) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.chars().allMatch(c -> c >= '0' && c <= '9') && n.length() < 10) {
                    pids.add(Integer.parseInt(n));
                }
            }
        }
        pids.sort(null);
        Map<String, String> users = config.username() ? readUsers() : Map.of();
        List<Target> out = new ArrayList<>(pids.size());
        int denied = 0;
        for (int pid : pids) {
            try {
                Target t = read(pid, users);
                if (t != null) {
                    out.add(t);
                }
            } catch (NoSuchFileException e) {
                // exited during the scan, or a kernel thread (no exe): Alloy skips these silently
            } catch (AccessDeniedException e) {
                denied++;
                LOG.trace("process {} skipped: {}", pid, e.toString());
            } catch (IOException | RuntimeException e) {
                LOG.debug("process {} skipped: {}", pid, e.toString());
            }
        }
        deniedLastScan = denied;
        return out;
    }

    public int deniedLastScan() {
        return deniedLastScan;
    }

    private Target read(int pid, Map<String, String> users) throws IOException {
        Path dir = proc.resolve(Integer.toString(pid));
        Labels.Builder b = Labels.builder();
        b.set(LabelNames.PROCESS_PID, Integer.toString(pid));
        if (config.exe()) {
            b.set(EXE, link(dir.resolve("exe")));
        }
        if (config.cwd()) {
            b.set(CWD, link(dir.resolve("cwd")));
        }
        if (config.commandline()) {
            b.set(COMMANDLINE, commandline(Files.readAllBytes(dir.resolve("cmdline"))));
        }
        if (config.username() || config.uid()) {
            String uid = null;
            try {
                uid = realUid(Files.readString(dir.resolve("status"), StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.trace("process {}: no uid: {}", pid, e.toString());
            }
            if (uid != null) {
                if (config.uid()) {
                    b.set(UID, uid);
                }
                if (config.username()) {
                    b.set(USERNAME, users.getOrDefault(uid, ""));
                }
            }
        }
        if (config.containerId() || config.cgroupPath()) {
            String cgroup = Files.readString(dir.resolve("cgroup"), StandardCharsets.UTF_8);
            if (config.containerId()) {
                b.set(LabelNames.CONTAINER_ID, ContainerIds.fromCgroup(cgroup));
            }
            if (config.cgroupPath()) {
                b.set(CGROUP_PATH, ContainerIds.cgroupPath(cgroup));
            }
        }
        return new Target(b.build());
    }

    private static String link(Path link) throws IOException {
        return Files.readSymbolicLink(link).toString();
    }

    /** {@code cmdline}: NUL-separated arguments joined with single spaces, empty ones dropped (gopsutil). */
    static String commandline(byte[] cmdline) {
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= cmdline.length; i++) {
            if (i == cmdline.length || cmdline[i] == 0) {
                if (i > start) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return sb.toString();
    }

    /** The real uid: the first number of the {@code Uid:} line of {@code /proc/<pid>/status}. */
    static String realUid(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] f = line.substring(4).trim().split("\\s+");
                return f.length > 0 && !f[0].isEmpty() ? f[0] : null;
            }
        }
        return null;
    }

    /** uid → name from {@code /etc/passwd} (first entry wins); empty when it cannot be read. */
    private Map<String, String> readUsers() {
        Map<String, String> users = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && !f[0].isEmpty() && !line.startsWith("#")) {
                    users.putIfAbsent(f[2], f[0]);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", passwd, e.toString());
        }
        return users;
    }
}
