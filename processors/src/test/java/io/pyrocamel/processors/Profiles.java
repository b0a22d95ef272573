package io.pyrocamel.processors;

import java.nio.charset.StandardCharsets;

import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;

/** Test profiles: payloads are opaque bytes (relabel and enrich never look at them). */
public final class Profiles {

    private Profiles() {
    }

    public static PushProfile push(String... labels) {
        return PushProfile.of(Labels.of(labels), RawSample.of(("pprof-bytes:" + String.join(",", labels))
                .getBytes(StandardCharsets.UTF_8)));
    }

    public static IngestProfile ingest(String... labels) {
        return IngestProfile.of(Labels.of(labels), "folded;stack 1\n".getBytes(StandardCharsets.UTF_8),
                "text/plain", "format", "folded", "name", "app.cpu{}");
    }
}
