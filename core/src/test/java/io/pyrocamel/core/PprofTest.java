package io.pyrocamel.core;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.proto.pprof.Profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PprofTest {

    @Test
    void decodesPlainAndGzipped() {
        Profile p = TestProfiles.cpuProfile();
        byte[] plain = p.toByteArray();
        byte[] gz = Pprof.gzip(plain);
        assertThat(Pprof.isGzip(gz)).isTrue();
        assertThat(Pprof.isGzip(plain)).isFalse();
        assertThat(Pprof.decode(plain)).isEqualTo(p);
        assertThat(Pprof.decode(gz)).isEqualTo(p);
        assertThat(ProfileTypes.sampleTypes(p)).containsExactly("samples", "cpu");
    }

    @Test
    void rejectsWhatIsNotAProfile() {
        assertThatThrownBy(() -> Pprof.decode(new byte[0])).isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Pprof.decode(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("gzip");
        assertThatThrownBy(() -> Pprof.decode("hello world, not protobuf".getBytes()))
                .isInstanceOf(InvalidProfileException.class);
        // valid protobuf, but no string table: not a pprof
        assertThatThrownBy(() -> Pprof.decode(Profile.newBuilder().setPeriod(1).build().toByteArray()))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("string_table");
    }

    @Test
    void boundsDecompressedSize() {
        byte[] big = Pprof.gzip(new byte[1 << 20]);
        assertThatThrownBy(() -> Pprof.decode(ByteString.copyFrom(big), 1024))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("larger than 1024");
    }

    @Test
    void typeFromSampleTypes() {
        assertThat(ProfileTypes.fromSampleTypes(java.util.List.of("alloc_objects", "alloc_space", "inuse_objects")))
                .isEqualTo("memory");
        assertThat(ProfileTypes.fromSampleTypes(java.util.List.of("goroutine"))).isEqualTo("goroutine");
        assertThat(ProfileTypes.fromSampleTypes(java.util.List.of("wall"))).isEqualTo("wall");
        assertThat(ProfileTypes.fromSampleTypes(java.util.List.of("contentions", "delay"))).isEqualTo("block");
        assertThat(ProfileTypes.fromSampleTypes(java.util.List.of("x"))).isEqualTo("unknown");
        assertThat(ProfileTypes.legacySuffix("app.alloc_objects")).isEqualTo("alloc_objects");
        assertThat(ProfileTypes.legacySuffix("app")).isEqualTo("cpu");
    }
}
