package io.pyrocamel.write;

import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every invalid combination of Alloy's HTTP client docs (and what this client cannot honour) fails when the route
 * starts, with the option names in the message.
 */
class PyroscopeWriteConfigValidationTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "url must be configured"),
                Arguments.of("url=ftp://h", "url must be an absolute http:// or https:// URL"),
                Arguments.of("url=http://h&basicAuthUsername=u&bearerToken=t",
                        "at most one of basicAuth*, authorization*, oauth2*, bearerToken & bearerTokenFile"),
                Arguments.of("url=http://h&bearerToken=t&bearerTokenFile=/f", "bearerToken, bearerTokenFile"),
                Arguments.of("url=http://h&authorizationCredentials=c&oauth2ClientId=i&oauth2ClientSecret=s"
                             + "&oauth2TokenUrl=http://t", "authorization*"),
                Arguments.of("url=http://h&basicAuthPassword=p&basicAuthPasswordFile=/f",
                        "at most one of basicAuthPassword & basicAuthPasswordFile"),
                Arguments.of("url=http://h&authorizationCredentials=c&authorizationCredentialsFile=/f",
                        "at most one of authorizationCredentials & authorizationCredentialsFile"),
                Arguments.of("url=http://h&authorizationType=basic&authorizationCredentials=c",
                        "authorizationType cannot be set to \"basic\""),
                Arguments.of("url=http://h&oauth2ClientSecret=s&oauth2TokenUrl=http://t",
                        "oauth2ClientId must be configured"),
                Arguments.of("url=http://h&oauth2ClientId=i&oauth2TokenUrl=http://t",
                        "either oauth2ClientSecret or oauth2ClientSecretFile must be configured"),
                Arguments.of("url=http://h&oauth2ClientId=i&oauth2ClientSecret=s", "oauth2TokenUrl must be configured"),
                Arguments.of("url=http://h&oauth2ClientId=i&oauth2ClientSecret=s&oauth2ClientSecretFile=/f"
                             + "&oauth2TokenUrl=http://t",
                        "at most one of oauth2ClientSecret & oauth2ClientSecretFile"),
                Arguments.of("url=http://h&oauth2ClientId=i&oauth2ClientSecret=s&oauth2TokenUrl=http://t"
                             + "&oauth2NoProxy=x", "if oauth2NoProxy is configured, oauth2ProxyUrl must also be configured"),
                Arguments.of("url=http://h&oauth2ClientId=i&oauth2ClientSecret=s&oauth2TokenUrl=http://t"
                             + "&oauth2TlsCaPem=a&oauth2TlsCaFile=/f",
                        "at most one of oauth2TlsCaPem and oauth2TlsCaFile"),
                Arguments.of("url=http://h&tlsCaPem=a&tlsCaFile=/f", "at most one of tlsCaPem and tlsCaFile"),
                Arguments.of("url=http://h&tlsCertPem=a&tlsCertFile=/f&tlsKeyFile=/k",
                        "at most one of tlsCertPem and tlsCertFile"),
                Arguments.of("url=http://h&tlsKeyPem=a&tlsKeyFile=/f&tlsCertFile=/c",
                        "at most one of tlsKeyPem and tlsKeyFile"),
                Arguments.of("url=http://h&tlsCertFile=/c",
                        "exactly one of tlsKeyPem or tlsKeyFile must be configured when a client certificate"),
                Arguments.of("url=http://h&tlsKeyFile=/k",
                        "exactly one of tlsCertPem or tlsCertFile must be configured when a client key"),
                Arguments.of("url=http://h&tlsMinVersion=TLS14", "tlsMinVersion=TLS14 is not a TLS version"),
                Arguments.of("url=http://h&noProxy=10.0.0.0/8", "if noProxy is configured, proxyUrl must also be"),
                Arguments.of("url=http://h&proxyFromEnvironment=true&proxyUrl=http://p:3128",
                        "if proxyFromEnvironment is configured, proxyUrl must not be configured"),
                Arguments.of("url=http://h&proxyFromEnvironment=true&noProxy=x",
                        "if proxyFromEnvironment is configured, noProxy must not be configured"),
                Arguments.of("url=http://h&proxyConnectHeader.X-A=b",
                        "if proxyConnectHeader.* is configured, proxyUrl or proxyFromEnvironment must also be"),
                Arguments.of("url=http://h&proxyUrl=socks5://p:1080", "proxyUrl uses scheme socks5://"),
                Arguments.of("url=http://h&httpHeaders.Authorization=x",
                        "httpHeaders.Authorization: setting header \"Authorization\" is not allowed"),
                Arguments.of("url=http://h&httpHeaders.user-agent=x", "setting header \"User-Agent\" is not allowed"),
                Arguments.of("url=http://h&externalLabels.bad-name=x", "externalLabels.bad-name"),
                Arguments.of("url=http://h&minBackoffPeriod=2s&maxBackoffPeriod=1s",
                        "maxBackoffPeriod must not be less than minBackoffPeriod"),
                Arguments.of("url=http://h&remoteTimeout=0", "remoteTimeout must be greater than 0"),
                // Camel's own conversion would make these 0; they are refused with the option and value named
                Arguments.of("url=http://h&remoteTimeout=banana",
                        "option remoteTimeout must be a duration >= 0 such as 15s, 1m30s, 500ms, 24h, PT24H or a"
                        + " number of milliseconds, was \"banana\""),
                Arguments.of("url=http://h&minBackoffPeriod=-1s", "option minBackoffPeriod must be a duration >= 0"),
                Arguments.of("url=http://h&maxBackoffPeriod=5x", "option maxBackoffPeriod must be a duration >= 0"),
                Arguments.of("url=http://h&maxBackoffRetries=-1", "maxBackoffRetries must be 0 (no limit) or more"),
                Arguments.of("url=http://h&sslContextParameters=#scp&tlsCaPem=x",
                        "sslContextParameters cannot be combined with tlsCaPem"),
                // cannot be honoured: fail at start, never accepted and ignored
                Arguments.of("url=https://h&tlsMinVersion=TLS10", "tlsMinVersion=TLS10 cannot be honoured"),
                Arguments.of("url=https://h&tlsCaFile=/does/not/exist", "tlsCaFile: cannot read /does/not/exist"),
                Arguments.of("url=https://h&tlsCaPem=not-a-pem", "tlsCaPem: no PEM certificate found"),
                Arguments.of("url=https://h&tlsCertPem=RAW(-----BEGIN CERTIFICATE-----AAAA-----END CERTIFICATE-----)"
                             + "&tlsKeyPem=junk", "tlsCertPem: not valid PEM certificates"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalid")
    void failsAtStartUpNamingTheOptions(String options, String expected) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("scp", new org.apache.camel.support.jsse.SSLContextParameters());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("pyroscope-write:bad?" + options);
                }
            });
            Throwable t = catchThrowable(context::start);
            assertThat(t).isNotNull();
            assertThat(messages(t)).contains("pyroscope-write:bad").contains(expected);
        }
    }

    static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
