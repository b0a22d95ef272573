package io.pyrocamel.core;

import java.util.List;
import java.util.Objects;

/**
 * Labels plus raw pprof samples (SPEC.md §0 "push profile"). Produced by scrape, eBPF, java and Connect {@code Push}
 * requests; written with the Connect push API.
 */
public record PushProfile(Labels labels, List<RawSample> samples) implements Profile {

    public PushProfile {
        Objects.requireNonNull(labels, "labels");
        samples = List.copyOf(samples);
    }

    public static PushProfile of(Labels labels, RawSample... samples) {
        return new PushProfile(labels, List.of(samples));
    }

    @Override
    public PushProfile withLabels(Labels newLabels) {
        return new PushProfile(newLabels, samples);
    }

    @Override
    public long payloadSize() {
        long n = 0;
        for (RawSample s : samples) {
            n += s.size();
        }
        return n;
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.PUSH;
    }

    @Override
    public String toString() {
        return "PushProfile" + labels + samples;
    }
}
