package io.pyrocamel.discovery.docker;

import com.github.dockerjava.api.DockerClient;

/** The test Docker daemon for tests outside this package. */
public final class DockerDaemonAccess {

    private DockerDaemonAccess() {
    }

    public static DockerClient ensure() throws Exception {
        return DockerDaemon.ensure();
    }
}
