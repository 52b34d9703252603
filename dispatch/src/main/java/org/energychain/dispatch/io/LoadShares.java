package org.energychain.dispatch.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.energychain.dispatch.plan.MatpowerCase;

/**
 * How a demand splits over the buses of a network: each bus's share of the case's total load (of its
 * first interval), so that a demand given as one total per interval can be planned bus by bus.
 */
public final class LoadShares {
    private LoadShares() {
    }

    /**
     * The shares, summing to 1, of the buses with a load.
     *
     * @param caseFile where the case was read from, named by the error
     * @throws IllegalArgumentException if the case has no positive total load
     */
    public static Map<Integer, Double> of(MatpowerCase mpc, Path caseFile) {
        Map<Integer, Double> loads = mpc.demand().loads().get(0);
        double total = loads.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException(caseFile + ": the case has no bus load to split the demand by");
        }
        Map<Integer, Double> share = new HashMap<>();
        loads.forEach((bus, mw) -> share.put(bus, mw / total));
        return share;
    }
}
