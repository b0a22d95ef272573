/**
 * {@code pyroscope-receive-http}: a Pyroscope-compatible ingest server ({@code POST /ingest} and the Connect
 * {@code push.v1.PusherService/Push} call) built on camel-netty-http. {@link io.pyrocamel.receive.PyroscopeReceiveHttpComponent},
 * its endpoint and consumer are the Camel side; the consumer owns a camel-netty-http consumer whose server
 * ({@link io.pyrocamel.receive.ReceiveHttpServer}) has this module's pipeline (connection limit, TLS, timeouts, h2c,
 * body limit). Each received profile becomes one exchange whose body is a {@link io.pyrocamel.core.PushProfile} or an
 * {@link io.pyrocamel.core.IngestProfile}.
 */
package io.pyrocamel.receive;
