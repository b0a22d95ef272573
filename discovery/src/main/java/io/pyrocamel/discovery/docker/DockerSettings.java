package io.pyrocamel.discovery.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The validated options of a {@code discovery-docker} endpoint. */
record DockerSettings(String host, int port, String hostNetworkingHost, Duration refreshInterval,
                      boolean matchFirstNetwork, Map<String, List<String>> filters, String tlsCaFile,
                      String tlsCertFile, String tlsKeyFile, boolean tlsInsecureSkipVerify) {
}
