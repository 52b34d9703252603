package org.energychain.dispatch.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a dispatch makes before it solves, shared by {@link EconomicDispatch} and {@link DcOpf}: the
 * input is valid ({@link IllegalArgumentException}), then the simple necessary conditions of
 * feasibility hold (capacity, minimum output, ramp reach, loads isolated from every unit), each refused
 * with an {@link InfeasibleDispatchException} naming the constraint and interval, so a user learns what
 * is wrong rather than that a solver found nothing.
 */
final class DispatchChecks {
    private DispatchChecks() {
    }

    /** Both checks for a dispatch without loss coefficients (what {@link DcOpf} needs). */
    static void check(List<Unit> units, Demand demand, Network network) {
        validate(units, demand, network, null);
        feasible(units, demand, network);
    }

    /** Valid units and demand for the network (null: none) and loss coefficients (null: none). */
    static void validate(List<Unit> units, Demand demand, Network network, LossCoefficients losses) {
        int intervals = demand.intervals();
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no units to dispatch");
        }
        Set<String> ids = new HashSet<>();
        for (Unit u : units) {
            if (!ids.add(u.id())) {
                throw new IllegalArgumentException("duplicate unit id " + u.id());
            }
            if (!u.availability().isEmpty() && u.availability().size() != intervals) {
                throw new IllegalArgumentException("unit " + u.id() + " has " + u.availability().size()
                        + " availability values for " + intervals + " intervals");
            }
            if (network != null && !network.buses().contains(u.bus())) {
                throw new IllegalArgumentException("unit " + u.id() + " is at bus " + u.bus()
                        + ", which is not in the network");
            }
        }
        if (losses != null && network != null) {
            throw new IllegalArgumentException("loss coefficients apply only without a network (the DC model is lossless)");
        }
        if (losses != null && losses.size() != units.size()) {
            throw new IllegalArgumentException("loss coefficients for " + losses.size() + " units, but "
                    + units.size() + " units to dispatch");
        }
        if (network != null) {
            for (int t = 0; t < intervals; t++) {
                for (int bus : demand.loads().get(t).keySet()) {
                    if (!network.buses().contains(bus)) {
                        throw new IllegalArgumentException(bus == Demand.SYSTEM
                                ? "a network needs demand per bus, not a system total"
                                : "demand at bus " + bus + ", which is not in the network");
                    }
                }
            }
        }
    }

    /** Checks the simple necessary conditions first, so the message names the constraint. */
    static void feasible(List<Unit> units, Demand demand, Network network) {
        int intervals = demand.intervals();
        if (network != null) {
            islands(units, demand, network);
        }
        int n = units.size();
        double[] reachLo = new double[n];
        double[] reachHi = new double[n];
        for (int t = 0; t < intervals; t++) {
            double d = demand.total(t);
            double hi = 0;
            double lo = 0;
            double rHi = 0;
            double rLo = 0;
            boolean forecast = false;
            for (int i = 0; i < n; i++) {
                Unit u = units.get(i);
                hi += u.upper(t);
                lo += u.lower(t);
                forecast |= u.upper(t) < u.pMax();
                if (t == 0) {
                    reachLo[i] = u.lower(t);
                    reachHi[i] = u.upper(t);
                } else {
                    reachLo[i] = Math.min(u.upper(t), Math.max(u.lower(t), reachLo[i] - u.rampDown()));
                    reachHi[i] = Math.max(u.lower(t), Math.min(u.upper(t), reachHi[i] + u.rampUp()));
                }
                rHi += reachHi[i];
                rLo += reachLo[i];
            }
            if (t > 0) {
                // the whole fleet moves at most by the sum of its ramp limits from the previous demand
                double up = 0;
                double down = 0;
                for (Unit u : units) {
                    up += u.rampUp();
                    down += u.rampDown();
                }
                double previous = demand.total(t - 1);
                rHi = Math.min(rHi, previous + up);
                rLo = Math.max(rLo, previous - down);
            }
            String when = intervals > 1 ? "interval " + t + ": " : "";
            if (d > hi + EconomicDispatch.TOL) {
                throw new InfeasibleDispatchException(when + "demand " + mw(d) + " MW exceeds total "
                        + (forecast ? "available " : "") + "capacity " + mw(hi) + " MW");
            }
            if (d < lo - EconomicDispatch.TOL) {
                throw new InfeasibleDispatchException(when + "demand " + mw(d)
                        + " MW is below the units' total minimum output " + mw(lo) + " MW");
            }
            if (d > rHi + EconomicDispatch.TOL) {
                throw new InfeasibleDispatchException(when + "demand " + mw(d) + " MW exceeds the " + mw(rHi)
                        + " MW the units can reach within their ramp-up limits");
            }
            if (d < rLo - EconomicDispatch.TOL) {
                throw new InfeasibleDispatchException(when + "demand " + mw(d) + " MW is below the " + mw(rLo)
                        + " MW the units can come down to within their ramp-down limits");
            }
        }
    }

    /** A bus with load that no line connects to any unit: the problem is the topology, not a limit. */
    private static void islands(List<Unit> units, Demand demand, Network network) {
        int intervals = demand.intervals();
        Islands island = new Islands(network.buses());
        for (Line l : network.lines()) {
            island.connect(l.from(), l.to());
        }
        Set<Integer> supplied = new HashSet<>();
        for (Unit u : units) {
            supplied.add(island.of(u.bus()));
        }
        for (int t = 0; t < intervals; t++) {
            for (Map.Entry<Integer, Double> e : demand.loads().get(t).entrySet()) {
                if (e.getValue() != 0 && !supplied.contains(island.of(e.getKey()))) {
                    throw new InfeasibleDispatchException((intervals > 1 ? "interval " + t + ": " : "") + "bus " + e.getKey()
                            + " has a load of " + mw(e.getValue()) + " MW but is isolated: no line connects it to any unit");
                }
            }
        }
    }

    /** A MW figure for messages: three decimals at most, no trailing zeros. */
    static String mw(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
