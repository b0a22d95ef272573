package io.pyrocamel.scrape.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Go's {@code filepath.Glob} and {@code filepath.Match} on '/'-separated paths: {@code *} (any run of non-separator
 * characters), {@code ?} (one non-separator character), {@code [a-z]} / {@code [^a-z]} classes and {@code \}
 * escapes. Matches within one directory are sorted; a pattern without meta characters returns itself when the path
 * exists. Results are joined and cleaned as Go's {@code filepath.Join} does ({@code ./a.json} → {@code a.json}).
 *
 * @since 0.1.0
 */
public final class GoGlob {

    private GoGlob() {
    }

    /** True when the pattern has a meta character. */
    public static boolean hasMeta(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The paths matching {@code pattern}; unreadable directories match nothing. */
    public static List<String> glob(String pattern) {
        if (!hasMeta(pattern)) {
            return Files.exists(Path.of(pattern), LinkOption.NOFOLLOW_LINKS) ? List.of(pattern) : List.of();
        }
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "" : pattern.substring(0, slash);
        String file = pattern.substring(slash + 1);
        if (slash == 0) {
            dir = "/";
        }
        dir = dir.isEmpty() ? "." : dir;
        List<String> dirs = hasMeta(dir) ? glob(dir) : List.of(dir);
        List<String> out = new ArrayList<>();
        for (String d : dirs) {
            Path p = Path.of(d);
            if (!Files.isDirectory(p)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            try (Stream<Path> s = Files.list(p)) {
                s.forEach(x -> names.add(x.getFileName().toString()));
            } catch (IOException e) {
                continue;
            }
            names.sort(null);
            for (String n : names) {
                if (match(file, n)) {
                    out.add(join(d, n));
                }
            }
        }
        return out;
    }

    /** Go's {@code filepath.Join(dir, name)} for one name: joined and cleaned. */
    public static String join(String dir, String name) {
        return clean(dir + "/" + name);
    }

    /** Go's {@code path.Clean}. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(seg);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's {@code filepath.Match} of one name against a pattern (no separators in either). */
    public static boolean match(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return s.indexOf('/', si) < 0;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                    if (k < s.length() && s.charAt(k) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            char x = s.charAt(si);
            if (c == '?') {
                if (x == '/') {
                    return false;
                }
                pi++;
                si++;
            } else if (c == '[') {
                int end = classEnd(p, pi);
                if (end < 0) {
                    throw new IllegalArgumentException("syntax error in pattern " + p);
                }
                if (x == '/' || !classMatches(p.substring(pi + 1, end), x)) {
                    return false;
                }
                pi = end + 1;
                si++;
            } else {
                if (c == '\\') {
                    pi++;
                    if (pi >= p.length()) {
                        throw new IllegalArgumentException("syntax error in pattern " + p);
                    }
                    c = p.charAt(pi);
                }
                if (c != x) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }

    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                return i;
            }
            if (c == '\\') {
                i++;
            }
            first = false;
            i++;
        }
        return -1;
    }

    private static boolean classMatches(String cls, char x) {
        boolean negate = cls.startsWith("^");
        int i = negate ? 1 : 0;
        boolean matched = false;
        while (i < cls.length()) {
            char lo = cls.charAt(i);
            if (lo == '\\') {
                i++;
                lo = cls.charAt(i);
            }
            char hi = lo;
            if (i + 2 < cls.length() && cls.charAt(i + 1) == '-') {
                hi = cls.charAt(i + 2);
                if (hi == '\\' && i + 3 < cls.length()) {
                    hi = cls.charAt(i + 3);
                    i++;
                }
                i += 2;
            }
            if (lo <= x && x <= hi) {
                matched = true;
            }
            i++;
        }
        return matched != negate;
    }
}
