package io.pyrocamel.write;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.pyrocamel.core.http.HttpClientSettings;

/**
 * The immutable, validated settings of one write endpoint, made from {@link PyroscopeWriteConfiguration} at start-up.
 *
 * @param url                   endpoint URL as configured (metrics label, error messages)
 * @param baseUri               the URL, parsed
 * @param name                  endpoint name (threads, logs)
 * @param remoteTimeout         per attempt
 * @param headers               endpoint headers (case-insensitive names)
 * @param minBackoff            first backoff
 * @param maxBackoff            backoff cap
 * @param maxBackoffRetries     retries after the first attempt; 0 = no limit
 * @param retryOnHttp429        retry 429 / resource_exhausted
 * @param externalLabels        labels to set (empty value = remove)
 * @param maxConcurrentRequests exchanges worked on at once
 * @param maxQueuedRequests     exchanges waiting for a slot
 * @param ioThreads             HTTP client I/O threads
 * @param http                  the HTTP client settings
 */
record WriteSettings(String url, URI baseUri, String name, Duration remoteTimeout, Map<String, String> headers,
                     Duration minBackoff, Duration maxBackoff, int maxBackoffRetries, boolean retryOnHttp429,
                     Map<String, String> externalLabels, int maxConcurrentRequests, int maxQueuedRequests,
                     int ioThreads, HttpClientSettings http) {

    WriteSettings {
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(h);
        externalLabels = Map.copyOf(externalLabels);
    }

    /** True when the endpoint configures its own tenant (headers or httpHeaders). */
    boolean configuresTenant() {
        if (headers.containsKey("X-Scope-OrgID")) {
            return true;
        }
        return http.httpHeaders().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("X-Scope-OrgID"));
    }
}
