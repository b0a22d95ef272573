package io.pyrocamel.core;

import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pyrocamel.core.proto.jfr.LabelsSnapshot;
import io.pyrocamel.core.proto.pprof.Function;
import io.pyrocamel.core.proto.pprof.Label;
import io.pyrocamel.core.proto.pprof.Line;
import io.pyrocamel.core.proto.pprof.Location;
import io.pyrocamel.core.proto.pprof.Mapping;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;
import io.pyrocamel.core.proto.push.v1.PushRequest;
import io.pyrocamel.core.proto.push.v1.PushResponse;
import io.pyrocamel.core.proto.push.v1.PushProto;
import io.pyrocamel.core.proto.push.v1.RawProfileSeries;
import io.pyrocamel.core.proto.push.v1.RawSample;
import io.pyrocamel.core.proto.types.v1.LabelPair;
import io.pyrocamel.core.proto.types.v1.ProfileAnnotation;

import static com.google.protobuf.Descriptors.FieldDescriptor.Type.BOOL;
import static com.google.protobuf.Descriptors.FieldDescriptor.Type.BYTES;
import static com.google.protobuf.Descriptors.FieldDescriptor.Type.INT64;
import static com.google.protobuf.Descriptors.FieldDescriptor.Type.MESSAGE;
import static com.google.protobuf.Descriptors.FieldDescriptor.Type.STRING;
import static com.google.protobuf.Descriptors.FieldDescriptor.Type.UINT64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field numbers, types and cardinality of every message, checked against the tables of SPEC.md §1.1 and §3. A wrong
 * number in a .proto file fails here.
 */
class ProtoFieldNumbersTest {

    private static Arguments f(Descriptor d, String field, int number, FieldDescriptor.Type type, boolean repeated) {
        return Arguments.of(d.getFullName() + "." + field, d, field, number, type, repeated);
    }

    static Stream<Arguments> fields() {
        Descriptor profile = Profile.getDescriptor();
        Descriptor vt = ValueType.getDescriptor();
        Descriptor sample = Sample.getDescriptor();
        Descriptor label = Label.getDescriptor();
        Descriptor mapping = Mapping.getDescriptor();
        Descriptor location = Location.getDescriptor();
        Descriptor line = Line.getDescriptor();
        Descriptor function = Function.getDescriptor();
        Descriptor req = PushRequest.getDescriptor();
        Descriptor series = RawProfileSeries.getDescriptor();
        Descriptor raw = RawSample.getDescriptor();
        Descriptor pair = LabelPair.getDescriptor();
        Descriptor ann = ProfileAnnotation.getDescriptor();
        return Stream.of(
                // SPEC.md §3 pprof
                f(profile, "sample_type", 1, MESSAGE, true), f(profile, "sample", 2, MESSAGE, true),
                f(profile, "mapping", 3, MESSAGE, true), f(profile, "location", 4, MESSAGE, true),
                f(profile, "function", 5, MESSAGE, true), f(profile, "string_table", 6, STRING, true),
                f(profile, "drop_frames", 7, INT64, false), f(profile, "keep_frames", 8, INT64, false),
                f(profile, "time_nanos", 9, INT64, false), f(profile, "duration_nanos", 10, INT64, false),
                f(profile, "period_type", 11, MESSAGE, false), f(profile, "period", 12, INT64, false),
                f(profile, "comment", 13, INT64, true), f(profile, "default_sample_type", 14, INT64, false),
                f(profile, "doc_url", 15, INT64, false),
                f(vt, "type", 1, INT64, false), f(vt, "unit", 2, INT64, false),
                f(sample, "location_id", 1, UINT64, true), f(sample, "value", 2, INT64, true),
                f(sample, "label", 3, MESSAGE, true),
                f(label, "key", 1, INT64, false), f(label, "str", 2, INT64, false), f(label, "num", 3, INT64, false),
                f(label, "num_unit", 4, INT64, false),
                f(mapping, "id", 1, UINT64, false), f(mapping, "memory_start", 2, UINT64, false),
                f(mapping, "memory_limit", 3, UINT64, false), f(mapping, "file_offset", 4, UINT64, false),
                f(mapping, "filename", 5, INT64, false), f(mapping, "build_id", 6, INT64, false),
                f(mapping, "has_functions", 7, BOOL, false), f(mapping, "has_filenames", 8, BOOL, false),
                f(mapping, "has_line_numbers", 9, BOOL, false), f(mapping, "has_inline_frames", 10, BOOL, false),
                f(location, "id", 1, UINT64, false), f(location, "mapping_id", 2, UINT64, false),
                f(location, "address", 3, UINT64, false), f(location, "line", 4, MESSAGE, true),
                f(location, "is_folded", 5, BOOL, false),
                f(line, "function_id", 1, UINT64, false), f(line, "line", 2, INT64, false),
                f(line, "column", 3, INT64, false),
                f(function, "id", 1, UINT64, false), f(function, "name", 2, INT64, false),
                f(function, "system_name", 3, INT64, false), f(function, "filename", 4, INT64, false),
                f(function, "start_line", 5, INT64, false),
                // SPEC.md §1.1 push.v1 / types.v1
                f(req, "series", 1, MESSAGE, true),
                f(series, "labels", 1, MESSAGE, true), f(series, "samples", 2, MESSAGE, true),
                f(series, "annotations", 3, MESSAGE, true),
                f(raw, "raw_profile", 1, BYTES, false), f(raw, "ID", 2, STRING, false),
                f(pair, "name", 1, STRING, false), f(pair, "value", 2, STRING, false),
                f(ann, "key", 1, STRING, false), f(ann, "value", 2, STRING, false));
    }

    @ParameterizedTest(name = "{0} = {3}")
    @MethodSource("fields")
    void fieldMatchesSpec(String id, Descriptor d, String field, int number, FieldDescriptor.Type type,
                          boolean repeated) {
        FieldDescriptor fd = d.findFieldByName(field);
        assertThat(fd).as(id).isNotNull();
        assertThat(fd.getNumber()).as(id + " number").isEqualTo(number);
        assertThat(fd.getType()).as(id + " type").isEqualTo(type);
        assertThat(fd.isRepeated()).as(id + " repeated").isEqualTo(repeated);
    }

    @Test
    void everyFieldIsInTheTable() {
        long tabled = fields().count();
        long declared = Stream.of(Profile.getDescriptor(), ValueType.getDescriptor(), Sample.getDescriptor(),
                        Label.getDescriptor(), Mapping.getDescriptor(), Location.getDescriptor(), Line.getDescriptor(),
                        Function.getDescriptor(), PushRequest.getDescriptor(), RawProfileSeries.getDescriptor(),
                        RawSample.getDescriptor(), LabelPair.getDescriptor(), ProfileAnnotation.getDescriptor())
                .mapToLong(d -> d.getFields().size()).sum();
        assertThat(declared).isEqualTo(tabled);
    }

    @Test
    void pushServiceAndMessageNamesMatchTheConnectPath() {
        var service = PushProto.getDescriptor().findServiceByName("PusherService");
        assertThat(service.getFullName()).isEqualTo("push.v1.PusherService");
        var push = service.findMethodByName("Push");
        assertThat("/" + service.getFullName() + "/" + push.getName()).isEqualTo("/push.v1.PusherService/Push");
        assertThat(push.getInputType()).isEqualTo(PushRequest.getDescriptor());
        assertThat(push.getOutputType()).isEqualTo(PushResponse.getDescriptor());
        assertThat(Profile.getDescriptor().getFullName()).isEqualTo("perftools.profiles.Profile");
        assertThat(LabelPair.getDescriptor().getFullName()).isEqualTo("types.v1.LabelPair");
    }

    /** Bytes written by hand with the wire rules decode into the expected request: independent of the descriptor. */
    @Test
    void decodesHandEncodedPushRequest() throws Exception {
        ByteArrayOutputStream pairBytes = new ByteArrayOutputStream();
        CodedOutputStream p = CodedOutputStream.newInstance(pairBytes);
        p.writeString(1, "service_name");
        p.writeString(2, "cart");
        p.flush();
        ByteArrayOutputStream sampleBytes = new ByteArrayOutputStream();
        CodedOutputStream s = CodedOutputStream.newInstance(sampleBytes);
        s.writeByteArray(1, new byte[] {1, 2, 3});
        s.writeString(2, "id-1");
        s.flush();
        ByteArrayOutputStream seriesBytes = new ByteArrayOutputStream();
        CodedOutputStream se = CodedOutputStream.newInstance(seriesBytes);
        se.writeByteArray(1, pairBytes.toByteArray());
        se.writeByteArray(2, sampleBytes.toByteArray());
        se.flush();
        ByteArrayOutputStream reqBytes = new ByteArrayOutputStream();
        CodedOutputStream r = CodedOutputStream.newInstance(reqBytes);
        r.writeByteArray(1, seriesBytes.toByteArray());
        r.flush();

        PushRequest req = PushRequest.parseFrom(reqBytes.toByteArray());
        assertThat(req.getSeriesCount()).isEqualTo(1);
        assertThat(req.getSeries(0).getLabels(0).getName()).isEqualTo("service_name");
        assertThat(req.getSeries(0).getLabels(0).getValue()).isEqualTo("cart");
        assertThat(req.getSeries(0).getSamples(0).getRawProfile().toByteArray()).containsExactly(1, 2, 3);
        assertThat(req.getSeries(0).getSamples(0).getID()).isEqualTo("id-1");
        // and the generated encoder writes exactly these bytes
        assertThat(req.toByteArray()).containsExactly(reqBytes.toByteArray());
    }

    @Test
    void pprofTimeNanosIsFieldNineOnTheWire() {
        byte[] b = Profile.newBuilder().setTimeNanos(5).build().toByteArray();
        assertThat(b).containsExactly(9 << 3, 5);
        byte[] period = Profile.newBuilder().setPeriod(7).build().toByteArray();
        assertThat(period).containsExactly(12 << 3, 7);
    }

    @Test
    void pprofRoundTrip() throws Exception {
        Profile p = TestProfiles.cpuProfile();
        Profile back = Profile.parseFrom(p.toByteArray());
        assertThat(back).isEqualTo(p);
        assertThat(ProfileTypes.fromProfile(back)).isEqualTo("process_cpu");
        assertThat(Pprof.decode(Pprof.gzip(p.toByteArray()))).isEqualTo(p);
    }

    @Test
    void pushRequestJsonUsesConnectNames() throws Exception {
        PushRequest req = PushRequest.newBuilder().addSeries(RawProfileSeries.newBuilder()
                .addLabels(LabelPair.newBuilder().setName("service_name").setValue("cart"))
                .addSamples(RawSample.newBuilder().setRawProfile(ByteString.copyFrom(new byte[] {1, 2}))
                        .setID("x"))).build();
        String json = JsonFormat.printer().omittingInsignificantWhitespace().print(req);
        assertThat(json).isEqualTo(
                "{\"series\":[{\"labels\":[{\"name\":\"service_name\",\"value\":\"cart\"}],"
                + "\"samples\":[{\"rawProfile\":\"AQI=\",\"ID\":\"x\"}]}]}");
        PushRequest.Builder parsed = PushRequest.newBuilder();
        JsonFormat.parser().ignoringUnknownFields()
                .merge("{\"series\":[{\"samples\":[{\"raw_profile\":\"AQI=\"}],\"future\":1}]}", parsed);
        assertThat(parsed.getSeries(0).getSamples(0).getRawProfile().toByteArray()).containsExactly(1, 2);
    }

    @Test
    void jfrLabelsSnapshotRoundTrip() throws Exception {
        LabelsSnapshot snap = LabelsSnapshot.newBuilder()
                .putStrings(1, "span_id").putStrings(2, "abc")
                .putContexts(7, io.pyrocamel.core.proto.jfr.Context.newBuilder().putLabels(1, 2).build())
                .build();
        LabelsSnapshot back = LabelsSnapshot.parseFrom(snap.toByteArray());
        assertThat(back.getContextsMap().get(7L).getLabelsMap()).containsEntry(1L, 2L);
        assertThat(back.getStringsMap()).containsEntry(2L, "abc");
        assertThat(LabelsSnapshot.getDescriptor().findFieldByName("contexts").getNumber()).isEqualTo(1);
        assertThat(LabelsSnapshot.getDescriptor().findFieldByName("strings").getNumber()).isEqualTo(2);
    }
}
