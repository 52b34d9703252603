package org.energychain.dispatch.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The islands of a grid: which buses the in-service lines connect, by union-find. A load in an island
 * without a generator cannot be served, which is a fact of the topology and must be reported as such, not
 * as some limit the solver happened to hit.
 */
final class Islands {
    private final Map<Integer, Integer> parent = new HashMap<>();

    Islands(Iterable<Integer> buses) {
        for (int b : buses) {
            parent.put(b, b);
        }
    }

    /** Joins the islands of {@code a} and {@code b} (the two ends of a line). */
    void connect(int a, int b) {
        int ra = of(a);
        int rb = of(b);
        if (ra != rb) {
            parent.put(ra, rb);
        }
    }

    private int parent(int bus) {
        return Objects.requireNonNull(parent.get(bus), () -> "no bus " + bus);
    }

    /** A representative bus of the island of {@code bus}: equal for buses of the same island. */
    int of(int bus) {
        int r = bus;
        while (parent(r) != r) {
            r = parent(r);
        }
        for (int b = bus; b != r; ) {
            int next = parent(b);
            parent.put(b, r);
            b = next;
        }
        return r;
    }
}
