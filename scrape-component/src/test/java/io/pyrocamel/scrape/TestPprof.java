package io.pyrocamel.scrape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.pyrocamel.core.Pprof;
import io.pyrocamel.core.proto.pprof.Function;
import io.pyrocamel.core.proto.pprof.Label;
import io.pyrocamel.core.proto.pprof.Line;
import io.pyrocamel.core.proto.pprof.Location;
import io.pyrocamel.core.proto.pprof.Mapping;
import io.pyrocamel.core.proto.pprof.Profile;
import io.pyrocamel.core.proto.pprof.Sample;
import io.pyrocamel.core.proto.pprof.ValueType;

/** Builds small pprof profiles for golden tests and renders profiles as canonical text. */
final class TestPprof {

    private final Profile.Builder p = Profile.newBuilder();
    private final Map<String, Long> strings = new LinkedHashMap<>();

    TestPprof(String... sampleTypes) {
        str("");
        for (String t : sampleTypes) {
            String[] tu = t.split("/");
            p.addSampleType(ValueType.newBuilder().setType(str(tu[0])).setUnit(str(tu[1])));
        }
        p.addMapping(Mapping.newBuilder().setId(1).setMemoryStart(0x1000).setMemoryLimit(0x9000)
                .setFilename(str("/app/bin")).setBuildId(str("build-1")));
    }

    long str(String s) {
        return strings.computeIfAbsent(s, k -> {
            p.addStringTable(k);
            return (long) strings.size();
        });
    }

    /** A location (and its function, same id) at an address. */
    TestPprof location(long id, long address, String function) {
        p.addFunction(Function.newBuilder().setId(id).setName(str(function)).setSystemName(str(function))
                .setFilename(str("main.go")));
        p.addLocation(Location.newBuilder().setId(id).setMappingId(1).setAddress(address)
                .addLine(Line.newBuilder().setFunctionId(id).setLine(10 + id)));
        return this;
    }

    /** A sample: location ids, labels ("k=v" string labels or "k=#123unit" numeric), values. */
    TestPprof sample(long[] locations, String[] labels, long... values) {
        Sample.Builder s = Sample.newBuilder();
        for (long l : locations) {
            s.addLocationId(l);
        }
        for (String kv : labels) {
            String[] x = kv.split("=", 2);
            Label.Builder lb = Label.newBuilder().setKey(str(x[0]));
            if (x[1].startsWith("#")) {
                String num = x[1].substring(1).replaceAll("[^0-9].*", "");
                lb.setNum(Long.parseLong(num));
                String unit = x[1].substring(1 + num.length());
                if (!unit.isEmpty()) {
                    lb.setNumUnit(str(unit));
                }
            } else {
                lb.setStr(str(x[1]));
            }
            s.addLabel(lb);
        }
        for (long v : values) {
            s.addValue(v);
        }
        p.addSample(s);
        return this;
    }

    TestPprof time(long timeNanos, long durationNanos) {
        p.setTimeNanos(timeNanos).setDurationNanos(durationNanos);
        return this;
    }

    TestPprof period(String type, String unit, long period) {
        p.setPeriodType(ValueType.newBuilder().setType(str(type)).setUnit(str(unit))).setPeriod(period);
        return this;
    }

    byte[] bytes() {
        return p.build().toByteArray();
    }

    byte[] gzipped() {
        return Pprof.gzip(bytes());
    }

    static long[] locs(long... ids) {
        return ids;
    }

    static String[] labels(String... kv) {
        return kv;
    }

    /** A canonical text form: header, samples with stacks as addresses and function names, tables kept. */
    static String render(Profile p) {
        StringBuilder sb = new StringBuilder();
        sb.append("time_nanos: ").append(p.getTimeNanos()).append('\n');
        sb.append("duration_nanos: ").append(p.getDurationNanos()).append('\n');
        List<String> types = new ArrayList<>();
        for (ValueType vt : p.getSampleTypeList()) {
            types.add(Pprof.string(p, vt.getType()) + "/" + Pprof.string(p, vt.getUnit()));
        }
        sb.append("sample_types: ").append(String.join(" ", types)).append('\n');
        if (p.hasPeriodType()) {
            sb.append("period: ").append(Pprof.string(p, p.getPeriodType().getType())).append('/')
                    .append(Pprof.string(p, p.getPeriodType().getUnit())).append(' ').append(p.getPeriod())
                    .append('\n');
        }
        Map<Long, Location> locations = new LinkedHashMap<>();
        p.getLocationList().forEach(l -> locations.put(l.getId(), l));
        Map<Long, Function> functions = new LinkedHashMap<>();
        p.getFunctionList().forEach(f -> functions.put(f.getId(), f));
        sb.append("samples:\n");
        for (Sample s : p.getSampleList()) {
            sb.append("  ").append(s.getValueList()).append(" stack=[");
            List<String> frames = new ArrayList<>();
            for (long id : s.getLocationIdList()) {
                Location l = locations.get(id);
                String fn = l == null || l.getLineCount() == 0 ? "?" : Pprof.string(p,
                        functions.get(l.getLine(0).getFunctionId()).getName());
                frames.add((l == null ? "missing" : "0x" + Long.toHexString(l.getAddress())) + " " + fn);
            }
            sb.append(String.join(", ", frames)).append(']');
            for (Label l : s.getLabelList()) {
                sb.append(' ').append(Pprof.string(p, l.getKey())).append('=');
                if (l.getStr() != 0) {
                    sb.append(Pprof.string(p, l.getStr()));
                } else {
                    sb.append('#').append(l.getNum()).append(Pprof.string(p, l.getNumUnit()));
                }
            }
            sb.append('\n');
        }
        sb.append("locations: ").append(locations.keySet()).append('\n');
        sb.append("functions: ").append(functions.keySet()).append('\n');
        sb.append("mappings: ").append(p.getMappingCount()).append('\n');
        TreeSet<String> kept = new TreeSet<>();
        for (int i = 1; i < p.getStringTableCount(); i++) {
            if (!p.getStringTable(i).isEmpty()) {
                kept.add(p.getStringTable(i));
            }
        }
        sb.append("strings: ").append(p.getStringTableCount()).append(" entries, non-empty ").append(kept)
                .append('\n');
        return sb.toString();
    }
}
