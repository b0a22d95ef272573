package io.pyrocamel.core.targets;

import org.apache.camel.spi.Metadata;

/** Headers of the {@code targets} component. */
public final class TargetsConstants {

    @Metadata(description = "The version of the target set in the body (consumer) or of the set just published"
                            + " (producer, out).",
              javaType = "long")
    public static final String VERSION = "CamelPyroscopeTargetSetVersion";

    @Metadata(description = "The number of targets in the set.", javaType = "int")
    public static final String SIZE = "CamelPyroscopeTargetSetSize";

    private TargetsConstants() {
    }
}
