package io.pyrocamel.receive;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;

/**
 * receive_http's service_name rule (SPEC.md §2.4 step 3, §5.3): without {@code service_name}, it becomes the
 * {@code __name__} value; with one, {@code app_name} becomes the {@code __name__} value.
 */
final class ServiceNameRule {

    private ServiceNameRule() {
    }

    static Labels apply(Labels labels) {
        String name = labels.get(LabelNames.NAME);
        if (name == null) {
            return labels;
        }
        return labels.has(LabelNames.SERVICE_NAME) ? labels.with(LabelNames.APP_NAME, name)
                : labels.with(LabelNames.SERVICE_NAME, name);
    }
}
