package io.pyrocamel.receive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pyrocamel.core.IngestFormat;
import io.pyrocamel.core.IngestProfile;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.ProfileKind;
import io.pyrocamel.core.PyroscopeConstants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Pyroscope Java agent ({@code io.pyroscope:agent}, Maven Central) in a child JVM pushes to the receiver:
 * a chunked multipart JFR upload whose labels, service name and JFR recording arrive intact.
 */
class JavaAgentPushTest extends ReceiveTestSupport {

    @Test
    void javaAgentPushesJfr(@TempDir Path dir) throws Exception {
        String agent = System.getProperty("pyroscope.agent.jar");
        assertThat(agent).as("the agent jar (set by the build)").isNotBlank();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent, "-cp", System.getProperty("java.class.path"), BusyMain.class.getName());
        Map<String, String> env = pb.environment();
        env.put("PYROSCOPE_SERVER_ADDRESS", base());
        env.put("PYROSCOPE_APPLICATION_NAME", "busy.app");
        env.put("PYROSCOPE_UPLOAD_INTERVAL", "2s");
        env.put("PYROSCOPE_LABELS", "env=test,team=receive");
        env.put("PYROSCOPE_TENANT_ID", "tenant-java");
        env.put("PYROSCOPE_LOG_LEVEL", "info");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile());
        Process p = pb.start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !received().isEmpty() || !p.isAlive());
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        assertThat(received()).as(Files.readString(dir.resolve("agent.log"))).isNotEmpty();

        var exchange = received().get(0);
        IngestProfile profile = exchange.getIn().getBody(IngestProfile.class);
        assertThat(exchange.getIn().getHeader(PyroscopeConstants.PROFILE_KIND)).isEqualTo(ProfileKind.INGEST);
        assertThat(exchange.getIn().getHeader(PyroscopeConstants.TENANT_ID)).isEqualTo("tenant-java");
        assertThat(profile.format()).isEqualTo(IngestFormat.JFR);
        assertThat(profile.labels().get("__name__")).startsWith("busy.app");
        assertThat(profile.labels().get("service_name")).isEqualTo(profile.labels().get("__name__"));
        assertThat(profile.labels().get("env")).isEqualTo("test");
        assertThat(profile.labels().get("team")).isEqualTo("receive");
        assertThat(profile.contentType()).contains("multipart/form-data");

        byte[] body = profile.body().toByteArray();
        List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(profile.contentType()));
        Multipart.Part jfrPart = parts.stream().filter(x -> "jfr".equals(x.name())).findFirst().orElseThrow();
        byte[] jfr = Pprof.gunzipIfNeeded(com.google.protobuf.ByteString.copyFrom(jfrPart.content(body)),
                256 << 20).toByteArray();
        Path file = Files.write(dir.resolve("upload.jfr"), jfr);
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).as("events of the uploaded recording").isNotEmpty();
    }
}
