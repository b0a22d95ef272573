package io.pyrocamel.processors.relabel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.pyrocamel.core.LabelNames;

/**
 * A validated rule, ready to run: regex compiled, templates parsed.
 *
 * @since 0.1.0
 */
final class CompiledRule {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    });

    private final RelabelRule rule;
    private final RelabelAction action;
    private final String[] sourceLabels;
    private final String separator;
    private final RuleRegex regex;
    private final GoTemplate targetTemplate;
    private final GoTemplate replacementTemplate;
    private final String targetLabel;
    private final long modulus;

    CompiledRule(RelabelRule rule, RuleRegex regex) {
        this.rule = rule;
        this.action = rule.action();
        this.sourceLabels = rule.sourceLabels().toArray(new String[0]);
        this.separator = rule.separator();
        this.regex = regex;
        this.targetLabel = rule.targetLabel();
        this.modulus = rule.modulus();
        this.targetTemplate = GoTemplate.compile(rule.targetLabel(), regex.namedGroups());
        this.replacementTemplate = GoTemplate.compile(rule.replacement(), regex.namedGroups());
    }

    RelabelRule rule() {
        return rule;
    }

    /** Applies the rule; {@code false} = drop. */
    boolean apply(WorkingLabels lb) {
        String val = sourceValue(lb);
        switch (action) {
            case DROP:
                return !regex.matches(val);
            case KEEP:
                return regex.matches(val);
            case DROPEQUAL:
                return !lb.get(targetLabel).equals(val);
            case KEEPEQUAL:
                return lb.get(targetLabel).equals(val);
            case REPLACE:
                replace(lb, val);
                return true;
            case LOWERCASE:
                lb.set(targetLabel, mapCase(val, false));
                return true;
            case UPPERCASE:
                lb.set(targetLabel, mapCase(val, true));
                return true;
            case HASHMOD:
                lb.set(targetLabel, Long.toUnsignedString(hashmod(val, modulus)));
                return true;
            case LABELMAP:
                labelmap(lb);
                return true;
            case LABELDROP:
                labelFilter(lb, true);
                return true;
            case LABELKEEP:
                labelFilter(lb, false);
                return true;
            default:
                throw new IllegalStateException("unknown relabel action " + action);
        }
    }

    private String sourceValue(WorkingLabels lb) {
        switch (sourceLabels.length) {
            case 0:
                return "";
            case 1:
                return lb.get(sourceLabels[0]);
            default:
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < sourceLabels.length; i++) {
                    if (i > 0) {
                        sb.append(separator);
                    }
                    sb.append(lb.get(sourceLabels[i]));
                }
                return sb.toString();
        }
    }

    private void replace(WorkingLabels lb, String val) {
        RegexMatch m = regex.match(val);
        if (m == null) {
            return;
        }
        String target = targetTemplate.expand(m);
        if (!LabelNames.isPrometheusName(target)) {
            return;
        }
        String res = replacementTemplate.expand(m);
        if (res.isEmpty()) {
            lb.delete(target);
        } else {
            lb.set(target, res);
        }
    }

    private void labelmap(WorkingLabels lb) {
        String[] snap = lb.snapshot();
        for (int i = 0; i < snap.length; i += 2) {
            String name = snap[i];
            RegexMatch m = regex.match(name);
            if (m != null) {
                String res = replacementTemplate.expand(m);
                // Prometheus sets any result; a name a label set cannot hold (only "" can come out of a valid rule) is
                // skipped
                if (LabelNames.isValidName(res)) {
                    lb.set(res, snap[i + 1]);
                }
            }
        }
    }

    private void labelFilter(WorkingLabels lb, boolean dropMatching) {
        String[] snap = lb.snapshot();
        for (int i = 0; i < snap.length; i += 2) {
            if (regex.matches(snap[i]) == dropMatching) {
                lb.delete(snap[i]);
            }
        }
    }

    /**
     * MD5 of the UTF-8 bytes of {@code value}; digest bytes 8..15 as an unsigned big-endian 64-bit integer; unsigned
     * remainder by {@code modulus} (Prometheus {@code hashmod}).
     */
    static long hashmod(String value, long modulus) {
        MessageDigest md = MD5.get();
        byte[] d = md.digest(value.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 8; i < 16; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return Long.remainderUnsigned(h, modulus);
    }

    /**
     * Case mapping code point by code point with the simple (one-to-one) Unicode mappings, as Go's
     * {@code strings.ToLower/ToUpper} do ({@code "ß"} stays {@code "ß"}; Java's {@code toUpperCase} would give "SS").
     */
    static String mapCase(String s, boolean upper) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            StringBuilder sb = null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char m = upper ? (c >= 'a' && c <= 'z' ? (char) (c - 32) : c) : (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                if (m != c && sb == null) {
                    sb = new StringBuilder(s);
                }
                if (sb != null) {
                    sb.setCharAt(i, m);
                }
            }
            return sb == null ? s : sb.toString();
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().map(cp -> upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
