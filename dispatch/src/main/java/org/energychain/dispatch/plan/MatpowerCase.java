package org.energychain.dispatch.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MATPOWER case (version 2) as read from its {@code .m} file: the matrices as they stand, each row with
 * its line number so that every later error can point at the file. MATPOWER cases are the common currency
 * of power-system test data, so the grid company's network and the sources' cost curves can be checked
 * against the same files other tools use.
 *
 * <p>Columns used (1-based, as in the MATPOWER manual): bus {@code BUS_I, BUS_TYPE (3 = reference), PD,
 * GS}; gen {@code GEN_BUS, GEN_STATUS (8), PMAX (9), PMIN (10)}; branch {@code F_BUS, T_BUS, BR_X (4),
 * RATE_A (6, 0 = unlimited), TAP (9, 0 = 1), SHIFT (10), BR_STATUS (11)}; gencost {@code MODEL (1 =
 * piecewise linear, 2 = polynomial), NCOST (4), then the coefficients, highest order first, or the
 * (MW, $/h) points}.
 *
 * @param source  file name for messages
 * @param baseMva system base, MVA
 * @param bus     rows of {@code mpc.bus}
 * @param gen     rows of {@code mpc.gen}
 * @param branch  rows of {@code mpc.branch}
 * @param gencost rows of {@code mpc.gencost}
 */
public record MatpowerCase(String source, double baseMva, List<Row> bus, List<Row> gen, List<Row> branch,
                           List<Row> gencost) {

    /** One matrix row and the file line it came from. */
    public record Row(int line, double[] values) {
        public Row {
            values = values.clone();
        }

        public double get(int column) {
            return values[column];
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    public MatpowerCase {
        bus = List.copyOf(bus);
        gen = List.copyOf(gen);
        branch = List.copyOf(branch);
        gencost = List.copyOf(gencost);
        if (!(baseMva > 0)) {
            throw new MatpowerFormatException(source + ": mpc.baseMVA missing or not positive");
        }
        need(source, bus, "bus", 3);
        need(source, gen, "gen", 10);
        need(source, branch, "branch", 11);
        need(source, gencost, "gencost", 4);
        if (bus.isEmpty() || gen.isEmpty()) {
            throw new MatpowerFormatException(source + ": needs mpc.bus and mpc.gen");
        }
        if (gencost.size() < gen.size()) {
            throw new MatpowerFormatException(source + ": mpc.gencost has " + gencost.size() + " rows for "
                    + gen.size() + " generators");
        }
        Map<Integer, Integer> busLines = new HashMap<>();
        for (Row b : bus) {
            int id = busNumber(source, b, 0, "mpc.bus BUS_I");
            Integer first = busLines.putIfAbsent(id, b.line);
            if (first != null) {
                throw new MatpowerFormatException(source + ":" + b.line + ": bus " + id + " appears twice in mpc.bus "
                        + "(first at line " + first + ")");
            }
        }
        for (int k = 0; k < gen.size(); k++) {
            Row g = gen.get(k);
            int at = busNumber(source, g, 0, "mpc.gen GEN_BUS");
            if (!busLines.containsKey(at)) {
                throw new MatpowerFormatException(source + ":" + g.line + ": generator " + generatorId(k) + " is at bus "
                        + at + ", which is not in mpc.bus");
            }
        }
        for (Row r : branch) {
            int from = busNumber(source, r, 0, "mpc.branch F_BUS");
            int to = busNumber(source, r, 1, "mpc.branch T_BUS");
            for (int end : new int[] {from, to}) {
                if (!busLines.containsKey(end)) {
                    throw new MatpowerFormatException(source + ":" + r.line + ": branch " + from + "-" + to
                            + " connects bus " + end + ", which is not in mpc.bus");
                }
            }
        }
    }

    /** A bus number: MATPOWER's are positive whole numbers. */
    private static int busNumber(String source, Row r, int column, String what) {
        double v = r.values[column];
        if (!(v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
            throw new MatpowerFormatException(source + ":" + r.line + ": " + what + " " + v
                    + " is not a bus number (a positive whole number)");
        }
        return (int) v;
    }

    /**
     * Refuses a case in which a bus with load cannot be reached from any in-service generator over the
     * in-service branches: no plan can serve it, and the solver would only say "infeasible". The error
     * names the bus and its line and says that it is isolated.
     *
     * @throws MatpowerFormatException for the first such bus in the order of {@code mpc.bus}
     */
    public void requireLoadsReachGenerators() {
        Islands island = new Islands(bus.stream().map(b -> (int) b.get(0)).toList());
        java.util.Set<Integer> off = isolatedBuses();
        for (Row r : branch) {
            if (r.get(10) > 0 && !off.contains((int) r.get(0)) && !off.contains((int) r.get(1))) {
                island.connect((int) r.get(0), (int) r.get(1));
            }
        }
        java.util.Set<Integer> supplied = new java.util.HashSet<>();
        for (Row g : gen) {
            if (g.get(7) > 0 && !isolatedBuses().contains((int) g.get(0))) {
                supplied.add(island.of((int) g.get(0)));
            }
        }
        for (Row b : bus) {
            int id = (int) b.get(0);
            double load = b.get(2) + (b.values.length > 4 ? b.get(4) : 0);
            if (load == 0 || !inService(b) || supplied.contains(island.of(id))) {
                continue;
            }
            int home = island.of(id);
            List<Integer> others = new ArrayList<>();
            for (Row o : bus) {
                int oid = (int) o.get(0);
                if (oid != id && island.of(oid) == home) {
                    others.add(oid);
                }
            }
            String with = others.isEmpty() ? "no in-service branch connects it to another bus"
                    : "its island (with bus" + (others.size() == 1 ? " " : "es ") + list(others)
                    + ") has no in-service generator";
            throw error(b, "bus " + id + " has a load of " + DispatchChecks.mw(load) + " MW but is isolated: " + with
                    + ", so no generator can serve it");
        }
    }

    private static String list(List<Integer> buses) {
        List<String> shown = buses.stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", shown) + (buses.size() > 10 ? " and " + (buses.size() - 10) + " more" : "");
    }

    private static void need(String source, List<Row> rows, String name, int columns) {
        for (Row r : rows) {
            if (r.values.length < columns) {
                throw new MatpowerFormatException(source + ":" + r.line + ": mpc." + name + " row has "
                        + r.values.length + " columns, needs at least " + columns);
            }
        }
    }

    MatpowerFormatException error(Row r, String message) {
        return new MatpowerFormatException(source + ":" + r.line + ": " + message);
    }

    /** Generator id used in plans: "G" and the 1-based row of {@code mpc.gen}, so "G1" is the first row. */
    public static String generatorId(int row) {
        return "G" + (row + 1);
    }

    /** In-service generators with their cost curves, without ramp limits (one interval). */
    public List<Unit> units() {
        return units(Double.NaN);
    }

    /**
     * In-service generators with their cost curves and, for intervals of {@code hours}, their ramp limit per
     * interval from MATPOWER's RAMP_30 column (MW in 30 minutes, column 18) scaled to the interval,
     * {@code RAMP_30 · hours / 0.5}; unlimited where the column is missing or 0, or {@code hours} is NaN.
     */
    public List<Unit> units(double hours) {
        List<Unit> units = new ArrayList<>();
        for (int k = 0; k < gen.size(); k++) {
            Row g = gen.get(k);
            if (g.get(7) <= 0 || isolatedBuses().contains((int) g.get(0))) {
                continue;
            }
            double pMax = g.get(8);
            double pMin = g.get(9);
            if (pMin < 0) {
                throw error(g, "generator with PMIN " + pMin + " < 0 (dispatchable load) is not supported");
            }
            if (pMax < pMin) {
                throw error(g, "generator " + generatorId(k) + " has PMAX " + pMax + " below PMIN " + pMin);
            }
            double ramp = Double.POSITIVE_INFINITY;
            if (!Double.isNaN(hours) && g.values.length > 17 && g.get(17) != 0) {
                if (!(g.get(17) > 0)) {
                    throw error(g, "generator " + generatorId(k) + " has a negative RAMP_30 " + g.get(17));
                }
                ramp = g.get(17) * hours / 0.5;
            }
            units.add(new Unit(generatorId(k), (int) g.get(0), pMin, pMax, cost(gencost.get(k)), ramp, ramp, 0, false,
                    List.of()));
        }
        return units;
    }

    private CostCurve cost(Row c) {
        int model = (int) c.get(0);
        int n = (int) c.get(3);
        double[] v = c.values;
        if (n < 1) { // a count that sizes arrays below
            throw error(c, "gencost NCOST " + n + " is not a count of coefficients or points (at least 1)");
        }
        try {
            if (model == 2) {
                if (v.length < 4 + n) {
                    throw error(c, "gencost NCOST " + n + " but only " + (v.length - 4) + " coefficients");
                }
                return switch (n) {
                    case 1 -> new CostCurve.Quadratic(0, 0, v[4]);
                    case 2 -> new CostCurve.Quadratic(0, v[4], v[5]);
                    case 3 -> new CostCurve.Quadratic(v[4], v[5], v[6]);
                    default -> throw error(c, "polynomial cost of degree " + (n - 1) + " is not supported (at most 2)");
                };
            } else if (model == 1) {
                if (v.length < 4 + 2L * n) { // 2 NCOST overflowed an int for 2^30 points
                    throw error(c, "gencost NCOST " + n + " points but only " + (v.length - 4) + " values");
                }
                double[] x = new double[n];
                double[] y = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = v[4 + 2 * k];
                    y[k] = v[5 + 2 * k];
                }
                return new CostCurve.PiecewiseLinear(x, y);
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof MatpowerFormatException) {
                throw e;
            }
            throw error(c, e.getMessage());
        }
        throw error(c, "gencost MODEL " + model + " unknown (1 = piecewise linear, 2 = polynomial)");
    }

    /** Whether a bus row is in service: MATPOWER's BUS_TYPE 4 marks an isolated (out-of-service) bus. */
    private static boolean inService(Row b) {
        return (int) b.get(1) != 4;
    }

    private java.util.Set<Integer> isolatedBuses() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (Row b : bus) {
            if (!inService(b)) {
                out.add((int) b.get(0));
            }
        }
        return out;
    }

    /**
     * The DC network: in-service buses (BUS_TYPE 4 is out of service, with its generators and branches, as
     * MATPOWER's {@code ext2int}), in-service branches with {@code x·tap} and their phase shifts, RATE_A 0 as
     * unlimited, the reference bus as slack. Every bus must be connected to the reference bus.
     *
     * @throws MatpowerFormatException naming the line and the field: a zero or non-finite BR_X, a negative
     *                                 RATE_A, a second or missing reference bus, an islanded bus
     */
    public Network network() {
        List<Integer> buses = new ArrayList<>();
        java.util.Set<Integer> off = isolatedBuses();
        Integer slack = null;
        for (Row b : bus) {
            if (!inService(b)) {
                continue;
            }
            buses.add((int) b.get(0));
            if ((int) b.get(1) == 3) {
                if (slack != null) {
                    throw error(b, "second reference bus (BUS_TYPE 3); only one is supported");
                }
                slack = (int) b.get(0);
            }
        }
        if (slack == null) {
            throw new MatpowerFormatException(source + ": no reference bus (BUS_TYPE 3) in mpc.bus");
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Islands islands = new Islands(buses);
        for (Row r : branch) {
            if (r.get(10) <= 0) {
                continue;
            }
            int from = (int) r.get(0);
            int to = (int) r.get(1);
            String id = from + "-" + to;
            if (off.contains(from) || off.contains(to)) {
                continue;
            }
            if (from == to) {
                throw error(r, "branch " + id + " connects bus " + from + " to itself");
            }
            double x = r.get(3);
            double tap = r.get(8) == 0 ? 1 : r.get(8);
            if (x == 0) {
                throw error(r, "branch " + id + " has zero reactance (BR_X = 0): the DC model needs x != 0; merge the "
                        + "two buses or give the branch its impedance");
            }
            if (!(tap > 0)) {
                throw error(r, "branch " + id + " has TAP " + tap + "; a tap ratio must be positive (0 means 1)");
            }
            if (r.get(5) < 0) {
                throw error(r, "branch " + id + " has a negative limit RATE_A " + r.get(5) + " MVA (0 means unlimited)");
            }
            double rate = r.get(5) == 0 ? Double.POSITIVE_INFINITY : r.get(5);
            int count = seen.merge(id, 1, Integer::sum);
            if (count > 1) {
                id = id + "#" + count;
            }
            try {
                lines.add(new Line(id, from, to, x * tap, rate, r.get(9)));
            } catch (IllegalArgumentException e) {
                throw error(r, e.getMessage());
            }
            islands.connect(from, to);
        }
        int home = islands.of(slack);
        for (Row b : bus) {
            int id = (int) b.get(0);
            if (inService(b) && islands.of(id) != home) {
                throw error(b, "bus " + id + " is islanded: no path of in-service branches connects it to the reference "
                        + "bus " + slack + " (mark it BUS_TYPE 4 if it is out of service)");
            }
        }
        try {
            return new Network(baseMva, buses, slack, lines);
        } catch (IllegalArgumentException e) {
            throw new MatpowerFormatException(source + ": " + e.getMessage());
        }
    }

    /** One interval of one hour: PD + GS (shunt conductance as constant load, as MATPOWER's DC model) per bus. */
    public Demand demand() {
        Map<Integer, Double> loads = new TreeMap<>();
        for (Row b : bus) {
            if (!inService(b)) {
                continue;
            }
            double gs = b.values.length > 4 ? b.get(4) : 0;
            loads.merge((int) b.get(0), b.get(2) + gs, Double::sum);
        }
        return Demand.snapshot(loads);
    }
}
