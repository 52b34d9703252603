package org.energychain.dispatch.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry point for callers that hold a MATPOWER case (the CLI's {@code energychain dispatch plan}): the
 * case's in-service generators and cost curves, its bus loads and its DC network with the branch limits,
 * solved as an exact DC-OPF ({@link DcOpf}) with prices from the duals: one interval of one hour, or a
 * day of intervals whose loads follow a profile, with ramp limits across them.
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
        return solve(mpc, mpc.units(), mpc.demand(), new DcOpf.Options(options.co2Price(), false)).plan();
    }

    /** One interval of {@code mpc} with the given options (e.g. N-1 security), and the work it took. */
    public static DcOpf.Result solve(MatpowerCase mpc, DcOpf.Options options) {
        return solve(mpc, mpc.units(), mpc.demand(), options);
    }

    /**
     * A day (or any horizon) of {@code mpc}: interval t's load at every bus is the case's load times
     * {@code shape[t]}, each interval {@code hours} long; each unit ramps at most {@code rampPerInterval}
     * MW between intervals (from MATPOWER's RAMP_30 column scaled to the interval, where the case gives it,
     * else unlimited), all intervals solved as one programme.
     */
    public static DcOpf.Result solveDay(MatpowerCase mpc, double[] shape, double hours, DcOpf.Options options) {
        return solveDay(mpc, shape, hours, options, mpc.units(hours));
    }

    /** As {@link #solveDay(MatpowerCase, double[], double, DcOpf.Options)}, every unit ramping at most {@code
     * rampPercent} % of its PMAX per interval. */
    public static DcOpf.Result solveDay(MatpowerCase mpc, double[] shape, double hours, DcOpf.Options options,
            double rampPercent) {
        if (!(rampPercent > 0) || !Double.isFinite(rampPercent)) {
            throw new IllegalArgumentException("ramp limit must be a positive percentage, got " + rampPercent);
        }
        List<Unit> units = mpc.units(hours).stream().map(u -> u.pMax() > 0
                ? u.withRamp(u.pMax() * rampPercent / 100, u.pMax() * rampPercent / 100) : u).toList();
        return solveDay(mpc, shape, hours, options, units);
    }

    private static DcOpf.Result solveDay(MatpowerCase mpc, double[] shape, double hours, DcOpf.Options options,
            List<Unit> units) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("the load profile has no intervals");
        }
        Map<Integer, Double> base = mpc.demand().loads().get(0);
        List<Map<Integer, Double>> loads = new ArrayList<>();
        for (double f : shape) {
            if (!(f >= 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("load factor " + f + " is not a finite number >= 0");
            }
            Map<Integer, Double> m = new TreeMap<>();
            base.forEach((b, v) -> m.put(b, v * f));
            loads.add(m);
        }
        return solve(mpc, units, new Demand(hours, loads), options);
    }

    private static DcOpf.Result solve(MatpowerCase mpc, List<Unit> units, Demand demand, DcOpf.Options options) {
        mpc.requireLoadsReachGenerators();
        return DcOpf.solve(units, demand, mpc.network(), options);
    }

    /** Reads the case file and solves it with default options (least cost, prices per bus). */
    public static DispatchPlan plan(Path caseFile) throws IOException {
        return plan(MatpowerReader.read(caseFile), PlanOptions.defaults());
    }
}
