package io.pyrocamel.core;

import java.util.List;
import java.util.Objects;

/**
 * A named, versioned, complete list of targets: what a discovery step publishes and a profiler subscribes to.
 *
 * @param name    the set's name ({@code to: targets:NAME})
 * @param version increases with every published change
 * @param targets the complete current list (immutable)
 */
public record TargetSet(String name, long version, List<Target> targets) {

    public TargetSet {
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
    }

    public static TargetSet of(String name, List<Target> targets) {
        return new TargetSet(name, 0, targets);
    }

    public int size() {
        return targets.size();
    }

    public TargetSet withVersion(long newVersion) {
        return new TargetSet(name, newVersion, targets);
    }
}
