/**
 * {@code discovery-docker}: the containers of a Docker daemon (Alloy's {@code discovery.docker}, Prometheus' Docker
 * SD labels), listed with docker-java.
 *
 * @since 0.1.0
 */
package io.pyrocamel.discovery.docker;
