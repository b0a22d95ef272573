package io.pyrocamel.core;

/**
 * A profile travelling through a route: a {@link PushProfile} or an {@link IngestProfile}. Relabel and enrich change
 * only the labels ({@link #withLabels}); the payload passes through byte for byte.
 */
public sealed interface Profile permits PushProfile, IngestProfile {

    Labels labels();

    /** A copy with other labels and the same payload. */
    Profile withLabels(Labels labels);

    /** Size of the payload in bytes (what the write metrics count). */
    long payloadSize();

    ProfileKind kind();

    /** The service name label, or {@code null}. */
    default String serviceName() {
        return labels().get(LabelNames.SERVICE_NAME);
    }

    /** The {@code __name__} label (profile type or app name), or {@code null}. */
    default String typeName() {
        return labels().get(LabelNames.NAME);
    }
}
