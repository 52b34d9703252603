package org.energychain.dispatch.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact DC optimal power flow over one or many intervals, solved as one programme by OR-Tools
 * ({@link LinearProgram}: GLOP for linear and piecewise-linear costs, PDLP when a cost is quadratic), with
 * the prices read from the duals:
 *
 * <pre>
 * minimise    Σ_t Σ_i hours·( F_i(P_it) + co2Price·ef_i·P_it )
 * subject to  lower_i(t) ≤ P_it ≤ upper_i(t)                 unit limits, wind/solar forecast
 *             −rampDown_i ≤ P_it − P_i,t−1 ≤ rampUp_i         ramps across intervals
 *             Σ_i P_it = Σ_b D_bt                              balance (dual λ_t)
 *             |Σ_b PTDF_lb·(G_bt − D_bt) + shift_l| ≤ rate_l   line limits, added lazily (dual μ_lt)
 *             |flow_l + LODF_lk·flow_k| ≤ rate_l               N-1: outage of branch k (optional, lazily)
 * </pre>
 *
 * The network enters through its PTDFs ({@link Ptdf}): the variables are the units' outputs only, and a line
 * limit becomes a row only once a solution overloads that line (constraint generation, repeated until no
 * line is over its limit; the rows added are exactly those that can bind, so the optimum is the optimum of
 * the full problem). The price at bus b in interval t is {@code (λ_t + Σ_l μ_lt·PTDF_lb)/hours}: its
 * energy component λ_t/hours is the price at the reference bus, the rest is congestion. The shadow price
 * of a binding line is |μ_lt|/hours, the saving per MW more of its limit.
 */
public final class DcOpf {
    /** MW by which a flow may exceed its limit before a row is added (solver accuracy). */
    static final double FLOW_TOL = 1e-6;
    /** The same in the fast mode (PDLP to 1e-6 leaves flows up to about 0.01 MW over a limit). */
    static final double FAST_FLOW_TOL = 0.05;
    /** Distribution factors this small are rounding noise of the inverse (exact zeros of radial parts). */
    static final double PTDF_ZERO = 1e-9;
    /** Largest number of constraint-generation rounds. */
    static final int MAX_ROUNDS = 50;

    /**
     * How to solve.
     *
     * @param co2Price   shadow carbon price added to marginal costs (currency/t), 0 for least cost
     * @param n1Security keep every line within its limit after any single branch outage
     * @param fast       solve linear programmes with PDLP to 1e-6 instead of GLOP's exact simplex (whole days
     *                   of many sources: seconds instead of minutes; the gap is stated in docs/dispatch.md)
     */
    public record Options(double co2Price, boolean n1Security, boolean fast) {
        public Options {
            if (!(co2Price >= 0) || !Double.isFinite(co2Price)) {
                throw new IllegalArgumentException("CO2 price must be finite and >= 0, got " + co2Price);
            }
        }

        public Options(double co2Price, boolean n1Security) {
            this(co2Price, n1Security, false);
        }

        public static Options defaults() {
            return new Options(0, false, false);
        }

        public Options withN1Security(boolean on) {
            return new Options(co2Price, on, fast);
        }

        public Options withCo2Price(double currencyPerTonne) {
            return new Options(currencyPerTonne, n1Security, fast);
        }

        public Options withFast(boolean on) {
            return new Options(co2Price, n1Security, on);
        }
    }

    /** What the solve did: programme size and rounds, for the benchmarks and the note. */
    public record Work(int variables, int rows, int lineRows, int rounds, String solver) {
    }

    /** The plan and the work it took. */
    public record Result(DispatchPlan plan, Work work) {
    }

    private final List<Unit> units;
    private final Demand demand;
    private final Network network;
    private final Ptdf ptdf;
    private final Options options;
    private final int intervals;
    private final int[] unitBus;
    /** Outage factors LODF[l][k] for N-1 (null without), NaN where the outage of k islands the network. */
    private double[][] lodf;
    private boolean[] islanding;

    private DcOpf(List<Unit> units, Demand demand, Network network, Ptdf ptdf, Options options) {
        this.units = List.copyOf(units);
        this.demand = demand;
        this.network = network;
        this.ptdf = ptdf;
        this.options = options;
        this.intervals = demand.intervals();
        this.unitBus = new int[units.size()];
        for (int i = 0; i < units.size(); i++) {
            unitBus[i] = ptdf.busIndex(units.get(i).bus());
        }
    }

    /** Solves on {@code network}, computing its PTDFs. */
    public static Result solve(List<Unit> units, Demand demand, Network network, Options options) {
        return solve(units, demand, Ptdf.of(network), options);
    }

    /**
     * Solves with precomputed distribution factors.
     *
     * @throws InfeasibleDispatchException naming the binding constraint (capacity, ramp, line and interval)
     */
    public static Result solve(List<Unit> units, Demand demand, Ptdf ptdf, Options options) {
        DispatchChecks.check(units, demand, ptdf.network());
        return new DcOpf(units, demand, ptdf.network(), ptdf, options).run();
    }

    /** A line-limit row: line l (in interval t), and the branch k whose outage it is for (-1: base case). */
    private record Cut(int line, int outage, int interval) {
    }

    private Result run() {
        int n = units.size();
        double h = demand.hours();
        int nb = network.buses().size();
        double[][] load = new double[intervals][nb];
        for (int t = 0; t < intervals; t++) {
            for (Map.Entry<Integer, Double> e : demand.loads().get(t).entrySet()) {
                load[t][ptdf.busIndex(e.getKey())] += e.getValue();
            }
        }
        double tolerance = options.fast() ? FAST_FLOW_TOL : FLOW_TOL;
        try (LinearProgram lp = new LinearProgram(options.fast())) {
            int[][] col = new int[n][intervals];
            for (int i = 0; i < n; i++) {
                Unit u = units.get(i);
                double carbon = options.co2Price() * u.emissionFactor();
                for (int t = 0; t < intervals; t++) {
                    if (u.cost() instanceof CostCurve.Quadratic q) {
                        col[i][t] = lp.column(u.lower(t), u.upper(t), h * (q.b() + carbon));
                        lp.quadratic(col[i][t], h * q.a());
                        lp.objectiveOffset(h * q.c());
                    } else {
                        CostCurve.PiecewiseLinear w = (CostCurve.PiecewiseLinear) u.cost();
                        col[i][t] = lp.column(u.lower(t), u.upper(t), h * carbon);
                        int y = lp.column(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, h);
                        for (int k = 0; k < w.segments(); k++) {
                            double s = w.slope(k);
                            // y ≥ cost_k + s·(P − mw_k)
                            lp.row(Double.NEGATIVE_INFINITY, s * w.mwAt(k) - w.costAt(k), new int[] {col[i][t], y},
                                    new double[] {s, -1});
                        }
                    }
                    if (t > 0 && (Double.isFinite(u.rampUp()) || Double.isFinite(u.rampDown()))) {
                        lp.row(-u.rampDown(), u.rampUp(), new int[] {col[i][t], col[i][t - 1]}, new double[] {1, -1});
                    }
                }
            }
            int[] balance = new int[intervals];
            for (int t = 0; t < intervals; t++) {
                int[] idx = new int[n];
                double[] one = new double[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = col[i][t];
                    one[i] = 1;
                }
                double d = demand.total(t);
                balance[t] = lp.row(d, d, idx, one);
            }
            Map<Cut, Integer> cuts = new LinkedHashMap<>();
            LinearProgram.Solution s;
            int rounds = 0;
            List<String> lastAdded = List.of();
            while (true) {
                rounds++;
                s = lp.solve();
                if (!s.optimal() && !s.status().contains("INFEASIBLE")) {
                    throw new IllegalStateException("the solver stopped without an optimum: " + s.status());
                }
                if (!s.optimal()) {
                    throw new InfeasibleDispatchException(cuts.isEmpty()
                            ? "no plan satisfies the unit, ramp and balance constraints together (" + s.status() + ")"
                            : "line limits make the demand infeasible: " + String.join("; ", lastAdded));
                }
                double[][] p = values(s, col);
                List<Cut> over = new ArrayList<>();
                List<String> why = new ArrayList<>();
                for (int t = 0; t < intervals; t++) {
                    double[] flow = flows(p, load[t], t);
                    for (int l = 0; l < flow.length; l++) {
                        Line line = network.lines().get(l);
                        if (line.limited() && Math.abs(flow[l]) > line.rateMw() + tolerance
                                && !cuts.containsKey(new Cut(l, -1, t))) {
                            over.add(new Cut(l, -1, t));
                            why.add(describe(line, -1, t, flow[l]));
                        }
                    }
                    if (options.n1Security()) {
                        securityViolations(flow, t, cuts, over, why, tolerance);
                    }
                }
                if (over.isEmpty()) {
                    break;
                }
                if (rounds >= MAX_ROUNDS) {
                    throw new IllegalStateException("line limits still violated after " + MAX_ROUNDS + " rounds: "
                            + String.join("; ", why.subList(0, Math.min(3, why.size()))));
                }
                for (Cut c : over) {
                    cuts.put(c, addCut(lp, c, col, load[c.interval()]));
                }
                lastAdded = why.subList(0, Math.min(5, why.size()));
            }
            DispatchPlan plan = plan(s, col, load, balance, cuts);
            return new Result(plan, new Work(lp.columns(), lp.rows(), cuts.size(), rounds,
                    lp.solverName()));
        }
    }

    private String describe(Line line, int outage, int t, double flow) {
        String when = intervals > 1 ? " in interval " + t : "";
        String after = outage < 0 ? "" : " after the outage of branch " + network.lines().get(outage).id();
        return "line " + line.id() + when + after + " would carry " + DispatchChecks.mw(Math.abs(flow)) + " MW > limit "
                + DispatchChecks.mw(line.rateMw()) + " MW";
    }

    private double[][] values(LinearProgram.Solution s, int[][] col) {
        double[][] p = new double[units.size()][intervals];
        for (int i = 0; i < p.length; i++) {
            for (int t = 0; t < intervals; t++) {
                p[i][t] = s.x()[col[i][t]];
            }
        }
        return p;
    }

    private double[] flows(double[][] p, double[] load, int t) {
        double[] inj = new double[load.length];
        for (int b = 0; b < inj.length; b++) {
            inj[b] = -load[b];
        }
        for (int i = 0; i < p.length; i++) {
            inj[unitBus[i]] += p[i][t];
        }
        return ptdf.flows(inj);
    }

    /** Coefficients of a cut's flow on each bus's injection: the PTDF row, plus LODF × the outaged row. */
    private double[] cutRow(Cut c) {
        double[] row = ptdf.row(c.line()).clone();
        if (c.outage() >= 0) {
            double f = lodf[c.line()][c.outage()];
            double[] k = ptdf.row(c.outage());
            for (int b = 0; b < row.length; b++) {
                row[b] += f * k[b];
            }
        }
        return row;
    }

    private int addCut(LinearProgram lp, Cut c, int[][] col, double[] load) {
        double[] row = cutRow(c);
        double constant = ptdf.shiftFlow(c.line())
                + (c.outage() >= 0 ? lodf[c.line()][c.outage()] * ptdf.shiftFlow(c.outage()) : 0);
        for (int b = 0; b < row.length; b++) {
            constant -= row[b] * load[b];
        }
        List<Integer> idx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            double a = row[unitBus[i]];
            if (Math.abs(a) > PTDF_ZERO) { // rounding noise of the inverse would only hurt the simplex
                idx.add(col[i][c.interval()]);
                val.add(a);
            }
        }
        double rate = network.lines().get(c.line()).rateMw();
        return lp.row(-rate - constant, rate - constant, idx.stream().mapToInt(Integer::intValue).toArray(),
                val.stream().mapToDouble(Double::doubleValue).toArray());
    }

    // ---- N-1 ---------------------------------------------------------------------------------------

    /**
     * LODF[l][k] = (PTDF_l·(e_f − e_t)) / (1 − PTDF_k·(e_f − e_t)) for the ends f, t of branch k: the share of
     * k's pre-outage flow that moves onto l when k trips. NaN where k's outage would island a bus (its
     * denominator vanishes): such an outage is not a contingency the dispatch can secure.
     */
    private void computeLodf() {
        int nl = network.lines().size();
        lodf = new double[nl][nl];
        islanding = new boolean[nl];
        for (int k = 0; k < nl; k++) {
            Line out = network.lines().get(k);
            int f = ptdf.busIndex(out.from());
            int t = ptdf.busIndex(out.to());
            double self = ptdf.factor(k, f) - ptdf.factor(k, t);
            boolean islands = Math.abs(1 - self) < 1e-9;
            islanding[k] = islands;
            for (int l = 0; l < nl; l++) {
                lodf[l][k] = l == k ? -1 : islands ? Double.NaN
                        : (ptdf.factor(l, f) - ptdf.factor(l, t)) / (1 - self);
            }
        }
    }

    private void securityViolations(double[] flow, int t, Map<Cut, Integer> cuts, List<Cut> over, List<String> why,
            double tolerance) {
        if (lodf == null) {
            computeLodf();
        }
        int nl = flow.length;
        for (int k = 0; k < nl; k++) {
            if (flow[k] == 0 || islanding[k]) {
                continue;
            }
            for (int l = 0; l < nl; l++) {
                Line line = network.lines().get(l);
                if (l == k || !line.limited() || Double.isNaN(lodf[l][k])) {
                    continue;
                }
                double post = flow[l] + lodf[l][k] * flow[k];
                if (Math.abs(post) > line.rateMw() + tolerance) {
                    Cut c = new Cut(l, k, t);
                    if (!cuts.containsKey(c)) {
                        over.add(c);
                        why.add(describe(line, k, t, post));
                    }
                }
            }
        }
    }

    // ---- the plan ----------------------------------------------------------------------------------

    private DispatchPlan plan(LinearProgram.Solution s, int[][] col, double[][] load, int[] balance,
            Map<Cut, Integer> cuts) {
        double h = demand.hours();
        double[][] p = values(s, col);
        PlanTotals totals = PlanTotals.of(units, p, intervals, h);
        int nb = network.buses().size();
        double[][] congestion = new double[intervals][nb];
        List<Map<String, Double>> shadow = new ArrayList<>();
        for (int t = 0; t < intervals; t++) {
            shadow.add(new LinkedHashMap<>());
        }
        for (Map.Entry<Cut, Integer> e : cuts.entrySet()) {
            double mu = s.dual()[e.getValue()];
            if (Math.abs(mu) < 1e-9 * h) {
                continue;
            }
            Cut c = e.getKey();
            double[] row = cutRow(c);
            for (int b = 0; b < nb; b++) {
                congestion[c.interval()][b] += mu * row[b];
            }
            String id = network.lines().get(c.line()).id()
                    + (c.outage() < 0 ? "" : " after outage of " + network.lines().get(c.outage()).id());
            shadow.get(c.interval()).merge(id, Math.abs(mu) / h, Double::sum);
        }
        List<Double> lambda = new ArrayList<>();
        List<Map<Integer, Double>> prices = new ArrayList<>();
        List<Map<String, Double>> flows = new ArrayList<>();
        List<Binding> binding = new ArrayList<>();
        for (int t = 0; t < intervals; t++) {
            double energyPrice = s.dual()[balance[t]] / h;
            lambda.add(energyPrice);
            Map<Integer, Double> pb = new TreeMap<>();
            for (int b = 0; b < nb; b++) {
                pb.put(network.buses().get(b), energyPrice + congestion[t][b] / h);
            }
            prices.add(pb);
            double[] f = flows(p, load[t], t);
            Map<String, Double> fm = new LinkedHashMap<>();
            for (int l = 0; l < f.length; l++) {
                Line line = network.lines().get(l);
                fm.put(line.id(), f[l]);
                Bindings.line(binding, line, f[l], t);
            }
            flows.add(fm);
            Bindings.units(binding, units, p, t);
        }
        List<Double> lost = new ArrayList<>();
        for (int t = 0; t < intervals; t++) {
            lost.add(0.0);
        }
        return new DispatchPlan(units.stream().map(Unit::id).toList(), totals.output(), totals.cost(),
                totals.emissions(), totals.cleanShare(), lambda, prices, flows, binding, lost, shadow);
    }
}
