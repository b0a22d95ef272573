/**
 * {@code pyroscope-store}: the local profile store. {@link io.pyrocamel.store.PyroscopeStoreComponent} and its
 * endpoint and producer are the Camel side; {@link io.pyrocamel.store.ProfileStore} (writing, retention, size cap) and
 * {@link io.pyrocamel.store.ProfileStoreReader} (listing, reading) have no Camel types.
 */
package io.pyrocamel.store;
