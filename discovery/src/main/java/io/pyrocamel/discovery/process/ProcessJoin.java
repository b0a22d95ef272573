package io.pyrocamel.discovery.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.Target;

/**
 * Alloy's {@code join} of {@code discovery.process}: other targets (containers, pods) joined to the processes by
 * container id ({@link ContainerIds#fromTarget}).
 *
 * <p>The result, in this order: the join targets without a container id; every process, merged with the join target
 * of its container id when there is one (the join target's labels win); then every join target with a container id,
 * once per id (the last one with that id), whether it matched a process or not.
 *
 * @since 0.1.0
 */
public final class ProcessJoin {

    private ProcessJoin() {
    }

    public static List<Target> join(List<Target> processes, List<Target> others) {
        if (others.isEmpty()) {
            return processes;
        }
        List<Target> out = new ArrayList<>(processes.size() + others.size());
        Map<String, Target> byContainer = new LinkedHashMap<>();
        for (Target t : others) {
            String cid = ContainerIds.fromTarget(t.labels());
            if (cid.isEmpty()) {
                out.add(t);
            } else {
                byContainer.put(cid, t);
            }
        }
        for (Target p : processes) {
            String cid = ContainerIds.fromTarget(p.labels());
            Target container = cid.isEmpty() ? null : byContainer.get(cid);
            if (container == null) {
                out.add(p);
            } else {
                Labels.Builder b = p.labels().toBuilder();
                b.setAll(container.labels());
                out.add(new Target(b.build()));
            }
        }
        out.addAll(byContainer.values());
        return out;
    }
}
