package io.pyrocamel.write;

import com.google.protobuf.ByteString;

import io.pyrocamel.core.InvalidProfileException;
import io.pyrocamel.core.LabelNames;
import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.ProfileTypes;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;

/**
 * A raw pprof body (a file from {@code file:}, bytes from {@code http:}...) as a push profile, so a route can send
 * profile files without a conversion step (beyond Alloy, whose write only takes profiles from other components).
 * Labels: {@code __name__} from the {@code CamelPyroscopeProfileType} header, else from the pprof sample types;
 * {@code service_name} from the {@code CamelPyroscopeServiceName} header, else from the file name as the store does
 * (the first folder of a relative file name, else the name up to its first dot). JFR files are refused (the java
 * component converts JFR; pyroscope-store keeps them).
 */
final class RawProfiles {

    private RawProfiles() {
    }

    static PushProfile toPush(byte[] bytes, String service, String type, String fileName) {
        if (bytes.length >= 4 && bytes[0] == 'F' && bytes[1] == 'L' && bytes[2] == 'R' && bytes[3] == 0) {
            throw new InvalidProfileException("a JFR recording cannot be written as is: pyroscope-write sends pprof"
                                              + " (convert it, or keep it with pyroscope-store)");
        }
        ByteString raw = ByteString.copyFrom(bytes);
        io.pyrocamel.core.proto.pprof.Profile decoded = Pprof.decode(raw);
        String t = type == null || type.isBlank() ? ProfileTypes.fromProfile(decoded) : type;
        String s = service == null || service.isBlank() ? serviceFromFileName(fileName) : service;
        Labels labels = Labels.builder().set(LabelNames.NAME, t).set(LabelNames.SERVICE_NAME, s).build();
        return PushProfile.of(labels, RawSample.of(raw));
    }

    static String serviceFromFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return LabelNames.UNKNOWN_SERVICE;
        }
        String f = fileName.replace('\\', '/');
        int slash = f.indexOf('/');
        if (slash > 0) {
            return f.substring(0, slash);
        }
        int dot = f.indexOf('.');
        String s = dot > 0 ? f.substring(0, dot) : f;
        return s.isEmpty() ? LabelNames.UNKNOWN_SERVICE : s;
    }
}
