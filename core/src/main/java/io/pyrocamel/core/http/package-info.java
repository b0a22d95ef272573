/**
 * The shared HTTP client of pyrocamel (write, scrape): {@link io.pyrocamel.core.http.HttpClientSettings} holds every
 * option of Alloy's HTTP client configuration with one validation, and {@link io.pyrocamel.core.http.PyroHttpClient}
 * is the non-blocking client built from it (Apache HttpClient 5).
 */
package io.pyrocamel.core.http;
