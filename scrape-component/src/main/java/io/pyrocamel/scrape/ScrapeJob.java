package io.pyrocamel.scrape;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pyrocamel.core.InvalidLabelException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.ServiceNames;
import io.pyrocamel.core.Target;
import io.pyrocamel.core.http.GoUrls;

/**
 * One scrape job: a target × an enabled profile type, with its final labels, URL and identity (SPEC.md §8.2, §8.3).
 *
 * @param labels      every label of the job (what the profile carries), {@code __name__} of godeltaprof types
 *                    rewritten to memory/mutex/block
 * @param url         the scrape URL
 * @param identity    FNV-1a over (the fingerprint of the non-{@code __} labels, the URL): unchanged identity = the loop
 *                    is kept
 * @param godeltaprof the type is a godeltaprof type (delta computed on the target)
 * @param clientDelta the profile is a cumulative memory/mutex/block profile: the delta is computed here
 * @param timeout     the request timeout: scrapeTimeout, plus scrapeInterval - 1s when the query has {@code seconds}
 * @param target      the target this job came from
 * @since 0.1.0
 */
public record ScrapeJob(Labels labels, String url, long identity, boolean godeltaprof, boolean clientDelta,
                        Duration timeout, Target target) {

    /** The profile type sent ({@code __name__}). */
    public String profileType() {
        return labels.getOrEmpty(LabelNames.NAME);
    }

    public URI uri() {
        return URI.create(url);
    }

    /**
     * The jobs of one target: one per enabled profile type, deduplicated by identity (a target with its own
     * {@code __profile_path__} yields one job).
     *
     * @throws IllegalArgumentException when the target cannot be scraped (no {@code __address__}, bad address)
     */
    public static List<ScrapeJob> of(Target target, ScrapeSettings s) {
        Map<Long, ScrapeJob> jobs = new LinkedHashMap<>();
        for (ProfileType type : s.enabledTypes()) {
            ScrapeJob job = of(target, type, s);
            jobs.putIfAbsent(job.identity(), job);
        }
        return List.copyOf(jobs.values());
    }

    static ScrapeJob of(Target target, ProfileType type, ScrapeSettings s) {
        Labels base = target.labels();
        Labels.Builder lb = base.toBuilder();
        try {
            setIfAbsent(lb, LabelNames.PROFILE_PATH, type.path());
            setIfAbsent(lb, LabelNames.NAME, type.name());
            setIfAbsent(lb, LabelNames.PROFILE_PATH_PREFIX, s.pathPrefix());
            setIfAbsent(lb, LabelNames.JOB, s.jobName());
            setIfAbsent(lb, LabelNames.SCHEME, s.scheme());
            for (Map.Entry<String, List<String>> p : s.params().entrySet()) {
                String name = LabelNames.PARAM_PREFIX + p.getKey();
                if (!p.getValue().isEmpty() && LabelNames.isValidName(name)) {
                    lb.set(name, p.getValue().get(0));
                }
            }
            String addr = lb.get(LabelNames.ADDRESS);
            if (addr == null) {
                throw new IllegalArgumentException("no address: the target has no __address__ label");
            }
            if (needsPort(addr)) {
                String scheme = lb.get(LabelNames.SCHEME);
                if (scheme == null || scheme.equals("http")) {
                    addr = addr + ":80";
                } else if (scheme.equals("https")) {
                    addr = addr + ":443";
                } else {
                    throw new IllegalArgumentException("invalid scheme: \"" + scheme + "\"");
                }
                lb.set(LabelNames.ADDRESS, addr);
            }
            if (addr.contains("/")) {
                throw new IllegalArgumentException("\"" + addr + "\" is not a valid hostname");
            }
            setIfAbsent(lb, LabelNames.INSTANCE, addr);
            if (lb.get(LabelNames.SERVICE_NAME) == null) {
                lb.set(LabelNames.SERVICE_NAME, ServiceNames.infer(base, ServiceNames.Flavor.SCRAPE));
            }
        } catch (InvalidLabelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Labels populated = lb.build();

        String name = populated.getOrEmpty(LabelNames.NAME);
        ProfileType config = s.profileTypes().get(name);
        Map<String, List<String>> params = new LinkedHashMap<>();
        s.params().forEach((k, v) -> params.put(k, new ArrayList<>(v)));
        if (config != null && config.delta()) {
            // exactly one seconds value is appended (Alloy appends into the shared params, which accumulate)
            params.computeIfAbsent("seconds", k -> new ArrayList<>()).add(Long.toString(s.deltaSeconds()));
        }

        String alias = ProfileType.godeltaprofAlias(name);
        Labels labels = alias == null ? populated : populated.with(LabelNames.NAME, alias);
        boolean godeltaprof = alias != null;
        String finalName = labels.getOrEmpty(LabelNames.NAME);
        boolean clientDelta = !godeltaprof && (finalName.equals(ProfileType.MEMORY)
                || finalName.equals(ProfileType.MUTEX) || finalName.equals(ProfileType.BLOCK));

        Map<String, List<String>> query = queryOf(labels, params);
        String url = url(labels, query);
        long identity = identity(labels.withoutReserved(), url);
        Duration timeout = s.scrapeTimeout();
        if (query.containsKey("seconds")) {
            timeout = timeout.plus(s.scrapeInterval()).minus(ScrapeSettings.ONE_SECOND);
        }
        return new ScrapeJob(labels, url, identity, godeltaprof, clientDelta, timeout, target);
    }

    private static void setIfAbsent(Labels.Builder b, String name, String value) {
        if (b.get(name) == null && value != null && !value.isEmpty()) {
            b.set(name, value);
        }
    }

    /** Go's "add a default port": true when the address has no port but would be valid with one. */
    static boolean needsPort(String addr) {
        return !splitsHostPort(addr) && splitsHostPort(addr + ":1234");
    }

    /** Go's {@code net.SplitHostPort} succeeds. */
    static boolean splitsHostPort(String s) {
        int last = s.lastIndexOf(':');
        if (last < 0) {
            return false;
        }
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return false;
            }
            if (end + 1 != last) {
                return false;
            }
            return s.indexOf('[', 1) < 0 && s.indexOf(']', end + 1) < 0;
        }
        String host = s.substring(0, last);
        return host.indexOf(':') < 0 && s.indexOf('[') < 0 && s.indexOf(']') < 0;
    }

    /** {@code params} with each {@code __param_<k>} label replacing the first value of {@code k}, keys sorted. */
    static Map<String, List<String>> queryOf(Labels labels, Map<String, List<String>> params) {
        Map<String, List<String>> q = new TreeMap<>();
        params.forEach((k, v) -> q.put(k, new ArrayList<>(v)));
        labels.forEach((n, v) -> {
            if (n.startsWith(LabelNames.PARAM_PREFIX)) {
                String k = n.substring(LabelNames.PARAM_PREFIX.length());
                List<String> values = q.computeIfAbsent(k, x -> new ArrayList<>());
                if (values.isEmpty()) {
                    values.add(v);
                } else {
                    values.set(0, v);
                }
            }
        });
        return q;
    }

    /** {@code __scheme__://__address__} + join(prefix, path) + the query, as Go's {@code url.URL} prints it. */
    static String url(Labels labels, Map<String, List<String>> query) {
        StringBuilder sb = new StringBuilder();
        String scheme = labels.getOrEmpty(LabelNames.SCHEME);
        if (!scheme.isEmpty()) {
            sb.append(scheme).append(':');
        }
        sb.append("//").append(labels.getOrEmpty(LabelNames.ADDRESS));
        String path = joinPath(labels.getOrEmpty(LabelNames.PROFILE_PATH_PREFIX),
                labels.getOrEmpty(LabelNames.PROFILE_PATH));
        if (!path.isEmpty()) {
            if (path.charAt(0) != '/') {
                sb.append('/');
            }
            sb.append(GoUrls.escapePath(path));
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, values) -> {
            for (String v : values) {
                if (q.length() > 0) {
                    q.append('&');
                }
                q.append(GoUrls.queryEscape(k)).append('=').append(GoUrls.queryEscape(v));
            }
        });
        if (q.length() > 0) {
            sb.append('?').append(q);
        }
        return sb.toString();
    }

    /** Go's {@code JoinPath} on an empty URL path: the cleaned path without its leading slash. */
    static String joinPath(String prefix, String path) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {prefix, path}) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        String joined = GoUrls.cleanPath("/" + String.join("/", parts)).substring(1);
        if (path.endsWith("/") && !joined.endsWith("/")) {
            joined += "/";
        }
        return joined;
    }




    /** FNV-1a 64 over the hex fingerprint of the public labels followed by the URL. */
    static long identity(Labels publicLabels, String url) {
        long h = 0xcbf29ce484222325L;
        byte[] a = Long.toHexString(publicLabels.fingerprint()).getBytes(StandardCharsets.UTF_8);
        byte[] b = url.getBytes(StandardCharsets.UTF_8);
        for (byte x : a) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        for (byte x : b) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
