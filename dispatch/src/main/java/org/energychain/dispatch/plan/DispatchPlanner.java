package org.energychain.dispatch.plan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The entry point for callers that hold a MATPOWER case (the CLI's {@code energychain dispatch plan}):
 * one interval of one hour, the case's in-service generators and cost curves, its bus loads and its DC
 * network with the branch limits. Prices per bus are the locational marginal prices; without congestion
 * they all equal the system lambda.
 */
public final class DispatchPlanner {
    private DispatchPlanner() {
    }

    /**
     * Solves one interval of {@code mpc} on its DC network.
     *
     * @throws MatpowerFormatException when a bus with load is isolated from every generator (file:line)
     */
    public static DispatchPlan plan(MatpowerCase mpc, PlanOptions options) {
        if (mpc.branch().isEmpty()) {
            return EconomicDispatch.solve(mpc.units(), Demand.total(1, mpc.demand().total(0)), options);
        }
        mpc.requireLoadsReachGenerators();
        return EconomicDispatch.solve(mpc.units(), mpc.demand(), mpc.network(), options);
    }

    /** Reads the case file and solves it with default options (least cost, prices per bus). */
    public static DispatchPlan plan(Path caseFile) throws IOException {
        return plan(MatpowerReader.read(caseFile), PlanOptions.defaults());
    }
}
