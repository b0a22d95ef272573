package io.pyrocamel.store;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;
import org.apache.camel.support.DefaultProducer;

import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.Profile;
import io.pyrocamel.core.PyroscopeConstants;

/**
 * Writes the body to the store: a {@code PushProfile} (one file per sample), an {@code IngestProfile}, or raw bytes
 * (a pprof or JFR file, e.g. from the {@code file:} component). Every profile of the body is validated before the
 * first file is written; a body that is not a profile fails the exchange with an
 * {@link io.pyrocamel.core.InvalidProfileException} and leaves the store untouched. Sets
 * {@value PyroscopeConstants#STORED_FILE} to the absolute path of the (last) stored file.
 *
 * @since 0.1.0
 */
public final class PyroscopeStoreProducer extends DefaultProducer {

    public PyroscopeStoreProducer(PyroscopeStoreEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PyroscopeStoreEndpoint getEndpoint() {
        return (PyroscopeStoreEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ProfileStore store = getEndpoint().getStore();
        Message msg = exchange.getMessage();
        String service = msg.getHeader(PyroscopeConstants.SERVICE_NAME, String.class);
        String type = msg.getHeader(PyroscopeConstants.PROFILE_TYPE, String.class);
        String tenant = msg.getHeader(PyroscopeConstants.TENANT_ID, String.class);
        Object body = msg.getBody();
        List<StoreItem> items;
        if (body instanceof Profile profile) {
            items = ProfileExtractor.fromProfile(profile, service, type, tenant);
        } else {
            byte[] bytes;
            try {
                bytes = body == null ? null : msg.getBody(byte[].class);
            } catch (TypeConversionException e) {
                bytes = null;
            }
            if (body != null && bytes == null) {
                throw new InvalidProfileException("not a pprof or JFR profile: a body of type "
                                                  + body.getClass().getName() + " cannot be read as bytes");
            }
            items = List.of(ProfileExtractor.fromRaw(bytes, service, type,
                    msg.getHeader(Exchange.FILE_NAME, String.class), tenant));
        }
        StoredProfile last = null;
        for (StoreItem item : items) {
            last = store.store(item);
        }
        msg.setHeader(PyroscopeConstants.STORED_FILE, last.path().toString());
    }
}
