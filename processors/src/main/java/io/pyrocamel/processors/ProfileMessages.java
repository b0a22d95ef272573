package io.pyrocamel.processors;

import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.PyroscopeConstants;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Reading a profile from a message and writing a relabelled one back.
 *
 * @since 0.1.0
 */
public final class ProfileMessages {

    private ProfileMessages() {
    }

    /** The profile in the body (a {@code PushProfile} or an {@code IngestProfile}, or convertible to one). */
    public static Profile mandatoryProfile(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Profile p) {
            return p;
        }
        return exchange.getMessage().getMandatoryBody(Profile.class);
    }

    /**
     * Replaces the body by {@code profile} with {@code labels} (payload untouched), and refreshes the
     * {@link PyroscopeConstants#SERVICE_NAME} and {@link PyroscopeConstants#PROFILE_TYPE} headers when the message
     * carries them, so that a later {@code choice} on them sees the new labels.
     */
    public static void setLabels(Message message, Profile profile, Labels labels) {
        message.setBody(profile.withLabels(labels));
        refresh(message, PyroscopeConstants.SERVICE_NAME, labels.get(LabelNames.SERVICE_NAME));
        refresh(message, PyroscopeConstants.PROFILE_TYPE, labels.get(LabelNames.NAME));
    }

    private static void refresh(Message message, String header, String value) {
        if (message.hasHeaders() && message.getHeaders().containsKey(header)) {
            if (value == null) {
                message.removeHeader(header);
            } else {
                message.setHeader(header, value);
            }
        }
    }
}
