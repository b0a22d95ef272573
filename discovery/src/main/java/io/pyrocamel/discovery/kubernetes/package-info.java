/**
 * {@code discovery-kubernetes}: pods, services, endpoints, endpoint slices and nodes from the Kubernetes API, watched
 * with fabric8 informers (Alloy's {@code discovery.kubernetes}, Prometheus' Kubernetes SD labels).
 *
 * @since 0.1.0
 */
package io.pyrocamel.discovery.kubernetes;
