package org.energychain.dispatch.plan;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lossless DC model of the transmission grid: bus angles θ with the slack bus at 0, line flows
 * {@code baseMVA·(θ_f − θ_t)/x}. Good enough to see congestion and price separation, the point of the
 * grid company's check; it ignores losses, reactive power and voltage.
 *
 * @param baseMva  system base, MVA
 * @param buses    bus numbers
 * @param slackBus reference bus (angle 0)
 * @param lines    in-service lines
 */
public record Network(double baseMva, List<Integer> buses, int slackBus, List<Line> lines) {
    public Network {
        buses = List.copyOf(new TreeSet<>(buses));
        lines = List.copyOf(lines);
        if (!(baseMva > 0)) {
            throw new IllegalArgumentException("baseMVA must be positive, got " + baseMva);
        }
        if (!buses.contains(slackBus)) {
            throw new IllegalArgumentException("slack bus " + slackBus + " is not a bus of the network");
        }
        Set<Integer> known = Set.copyOf(buses);
        for (Line l : lines) {
            if (!known.contains(l.from()) || !known.contains(l.to())) {
                throw new IllegalArgumentException("line " + l.id() + " connects unknown bus " + l.from() + " or "
                        + l.to());
            }
        }
    }

    int index(int bus) {
        int i = buses.indexOf(bus);
        if (i < 0) {
            throw new IllegalArgumentException("bus " + bus + " is not in the network");
        }
        return i;
    }
}
