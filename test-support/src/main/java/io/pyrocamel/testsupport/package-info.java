/**
 * Test peers on loopback shared by the components' tests: {@link io.pyrocamel.testsupport.PyroscopeDouble} (a
 * Pyroscope ingester double), {@link io.pyrocamel.testsupport.TokenServer} (OAuth2),
 * {@link io.pyrocamel.testsupport.RecordingProxy} (forward proxy with CONNECT) and
 * {@link io.pyrocamel.testsupport.TestCertificates} (a throw-away CA).
 */
package io.pyrocamel.testsupport;
