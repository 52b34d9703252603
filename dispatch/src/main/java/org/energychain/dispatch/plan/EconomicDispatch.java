package org.energychain.dispatch.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Economic dispatch over one or more intervals, as one convex quadratic programme solved by ojAlgo:
 *
 * <pre>
 * minimise  Σ_t Σ_i hours·( F_i(P_it) + co2Price·ef_i·P_it )
 * subject to  lower_i(t) ≤ P_it ≤ upper_i(t)              unit limits, wind/solar forecast
 *             −rampDown_i ≤ P_it − P_i,t−1 ≤ rampUp_i      ramp limits between intervals
 *             Σ_i P_it = D_t                                without a network, or per bus:
 *             Σ_{i at b} P_it − Σ_{l out of b} f_lt + Σ_{l into b} f_lt = D_bt
 *             f_lt = baseMVA·(θ_from,t − θ_to,t)/x_l,  |f_lt| ≤ rate_l,  θ_slack,t = 0
 * </pre>
 *
 * Quadratic costs enter the objective directly; a piecewise-linear cost becomes an epigraph variable
 * {@code y ≥ f_k + s_k·(P − p_k)} per segment, exact because the curve is convex.
 *
 * <p>Prices. ojAlgo's {@code ExpressionsBasedModel} does not reliably give the duals of its constraints,
 * so prices are computed from the primal solution: without a network, the system lambda of an interval is
 * the marginal cost {@code F'(P) + co2Price·ef} of a unit not at any limit (if every unit is at a limit,
 * it falls back to the difference quotient below). With a network, the price at bus b in interval t is the
 * central difference {@code (C(D_bt + δ) − C(D_bt − δ)) / (2δ·hours)} of the optimal objective, δ = 0.1 MW,
 * i.e. two extra solves per bus and interval. For quadratic costs this is exact as long as the same
 * constraints bind at D ± δ, which is the definition of the locational marginal price.
 *
 * <p>The input checks, the binding constraints, the plan's totals and the system lambda are {@link
 * DispatchChecks}, {@link Bindings}, {@link PlanTotals} and {@link SystemLambda}, shared with {@link DcOpf}
 * where it needs them. What is left, about 400 lines, is one thing: the programme, built, solved, iterated
 * for losses and re-solved for difference prices, which all need the same model-building code.
 */
public final class EconomicDispatch {
    /** MW within which a value counts as at its limit. */
    static final double TOL = 1e-3;
    /** MW perturbation for difference-quotient prices. */
    static final double DELTA = 0.1;
    /**
     * Tiny quadratic term (currency/MW²h) given to linear-cost units when other units are quadratic: ojAlgo's
     * convex solver can stop at a non-optimal point when the Hessian is singular in some directions (a
     * zero-cost wind unit beside quadratic thermal units). It moves a marginal cost by at most 2e-7·P.
     */
    static final double REGULARISATION = 1e-7;

    private final List<Unit> units;
    private final Demand demand;
    private final Network network;
    private final PlanOptions options;
    private final int intervals;
    private final LossCoefficients losses;
    /** Linearised losses around the last iterate: ∂P_L/∂P_it and P_L − Σ ∂P_L/∂P_i·P_i per interval. */
    private double[][] lossSlope;
    private double[] lossOffset;

    private EconomicDispatch(List<Unit> units, Demand demand, Network network, PlanOptions options) {
        this.units = List.copyOf(units);
        this.demand = Objects.requireNonNull(demand, "demand");
        this.network = network;
        this.options = Objects.requireNonNull(options, "options");
        this.intervals = demand.intervals();
        this.losses = options.losses().orElse(null);
        DispatchChecks.validate(this.units, demand, network, losses);
    }

    /** Dispatch without a network: one balance per interval against the total demand. */
    public static DispatchPlan solve(List<Unit> units, Demand demand, PlanOptions options) {
        return new EconomicDispatch(units, demand, null, options).run();
    }

    /** Dispatch on a DC network: one balance per bus and interval, line limits, prices per bus. */
    public static DispatchPlan solve(List<Unit> units, Demand demand, Network network, PlanOptions options) {
        return new EconomicDispatch(units, demand, Objects.requireNonNull(network, "network"), options).run();
    }

    /** The optimum of one solve. */
    private record Solution(double objective, double[][] p, double[][] flow) { }

    private DispatchPlan run() {
        boolean coupled = units.stream().anyMatch(u -> Double.isFinite(u.rampUp()) || Double.isFinite(u.rampDown()));
        if (!coupled && intervals > 1) {
            return runIntervalByInterval();
        }
        DispatchChecks.feasible(units, demand, network);
        Solution s = optimise(-1, -1, 0, false);
        if (s == null) {
            throw new InfeasibleDispatchException(explainInfeasible());
        }
        if (losses != null) {
            s = iterateLosses(s);
        }
        double h = demand.hours();
        PlanTotals totals = PlanTotals.of(units, s.p, intervals, h);
        List<Binding> binding = bindings(s);
        List<Map<Integer, Double>> prices = new ArrayList<>();
        List<Double> lambda = new ArrayList<>();
        List<Map<String, Double>> flows = new ArrayList<>();
        for (int t = 0; t < intervals; t++) {
            if (network == null) {
                Double mc = SystemLambda.marginalUnit(units, s.p, binding, t, options.co2Price(), lossSlope);
                lambda.add(mc != null ? mc : differencePrice(s, t, -1));
            } else {
                Map<String, Double> f = new LinkedHashMap<>();
                for (int l = 0; l < network.lines().size(); l++) {
                    f.put(network.lines().get(l).id(), s.flow[l][t]);
                }
                flows.add(f);
                if (options.prices()) {
                    Map<Integer, Double> pb = new TreeMap<>();
                    for (int b = 0; b < network.buses().size(); b++) {
                        pb.put(network.buses().get(b), differencePrice(s, t, b));
                    }
                    prices.add(pb);
                    lambda.add(pb.get(network.slackBus()));
                } else {
                    lambda.add(differencePrice(s, t, network.index(network.slackBus())));
                }
            }
        }
        List<Double> lost = new ArrayList<>();
        for (int t = 0; t < intervals; t++) {
            lost.add(losses == null ? 0.0 : losses.losses(column(s.p, t)));
        }
        return new DispatchPlan(units.stream().map(Unit::id).toList(), totals.output(), totals.cost(),
                totals.emissions(), totals.cleanShare(), lambda, prices, flows, binding, lost);
    }

    /**
     * Without ramp limits the intervals are independent problems; solving them one by one is the same
     * optimum and much faster (the active-set solver's work grows steeply with the horizon).
     */
    private DispatchPlan runIntervalByInterval() {
        double h = demand.hours();
        List<List<Double>> output = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            output.add(new ArrayList<>());
        }
        double cost = 0;
        double emissions = 0;
        double energy = 0;
        double clean = 0;
        List<Double> lambda = new ArrayList<>();
        List<Map<Integer, Double>> prices = new ArrayList<>();
        List<Map<String, Double>> flows = new ArrayList<>();
        List<Binding> binding = new ArrayList<>();
        List<Double> lost = new ArrayList<>();
        for (int t = 0; t < intervals; t++) {
            final int at = t;
            List<Unit> slice = units.stream().map(u -> u.availability().isEmpty() ? u
                    : u.withAvailability(List.of(u.availability().get(at)))).toList();
            Demand one = new Demand(h, List.of(demand.loads().get(t)));
            DispatchPlan p;
            try {
                p = new EconomicDispatch(slice, one, network, options).run();
            } catch (InfeasibleDispatchException e) {
                throw new InfeasibleDispatchException("interval " + t + ": " + e.getMessage());
            }
            for (int i = 0; i < units.size(); i++) {
                double mw = p.output().get(i).get(0);
                output.get(i).add(mw);
                energy += h * mw;
                if (units.get(i).clean()) {
                    clean += h * mw;
                }
            }
            cost += p.cost();
            emissions += p.emissions();
            lambda.add(p.lambda().get(0));
            lost.add(p.losses().get(0));
            prices.addAll(p.prices());
            flows.addAll(p.flows());
            for (Binding b : p.binding()) {
                binding.add(new Binding(b.kind(), b.element(), t, b.limit()));
            }
        }
        return new DispatchPlan(units.stream().map(Unit::id).toList(), output, cost, emissions,
                energy > 0 ? 100 * clean / energy : 0, lambda, prices, flows, binding, lost);
    }

    /**
     * Losses by successive linearisation (the classic penalty-factor iteration): the balance becomes
     * {@code Σ (1 − ∂P_L/∂P_i)·P_i = D + P_L(P^k) − Σ ∂P_L/∂P_i·P_i^k} around the last solution P^k, until
     * no output moves by more than 1e-7 MW. Converges in a few rounds for realistic (small) B.
     */
    private Solution iterateLosses(Solution start) {
        Solution s = start;
        for (int round = 0; round < 100; round++) {
            lossSlope = new double[units.size()][intervals];
            lossOffset = new double[intervals];
            for (int t = 0; t < intervals; t++) {
                double[] pt = column(s.p, t);
                double offset = losses.losses(pt);
                for (int i = 0; i < units.size(); i++) {
                    lossSlope[i][t] = losses.incremental(pt, i);
                    offset -= lossSlope[i][t] * pt[i];
                }
                lossOffset[t] = offset;
            }
            Solution next = optimise(-1, -1, 0, false);
            if (next == null) {
                throw new InfeasibleDispatchException("demand plus transmission losses exceeds what the units can "
                        + "supply (losses " + DispatchChecks.mw(losses.losses(column(s.p, 0))) + " MW in interval 0 at the last "
                        + "feasible point)");
            }
            double change = 0;
            for (int i = 0; i < units.size(); i++) {
                for (int t = 0; t < intervals; t++) {
                    change = Math.max(change, Math.abs(next.p[i][t] - s.p[i][t]));
                }
            }
            s = next;
            if (change < 1e-7) {
                return s;
            }
        }
        throw new IllegalStateException("loss iteration did not converge in 100 rounds; are the B coefficients "
                + "in 1/MW?");
    }

    private static double[] column(double[][] p, int t) {
        double[] c = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            c[i] = p[i][t];
        }
        return c;
    }

    // ---- the model ---------------------------------------------------------------------------------

    /**
     * Builds and solves the programme, with {@code extra} MW added to the demand of interval {@code pt} at
     * bus index {@code pBus} (-1: the system balance). Returns null if infeasible.
     */
    private Solution optimise(int pt, int pBus, double extra, boolean ignoreLineLimits) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        double h = demand.hours();
        int n = units.size();
        Variable[][] p = new Variable[n][intervals];
        Expression obj = m.addExpression("objective").weight(1);
        boolean hasQuadratic = units.stream().anyMatch(u -> u.cost() instanceof CostCurve.Quadratic q && q.a() > 0);
        for (int i = 0; i < n; i++) {
            Unit u = units.get(i);
            double carbon = options.co2Price() * u.emissionFactor();
            for (int t = 0; t < intervals; t++) {
                Variable v = m.addVariable("P_" + i + "_" + t).lower(u.lower(t)).upper(u.upper(t));
                p[i][t] = v;
                if (u.cost() instanceof CostCurve.Quadratic q) {
                    if (q.a() > 0 || hasQuadratic) {
                        obj.set(v, v, h * Math.max(q.a(), REGULARISATION));
                    }
                    obj.set(v, h * (q.b() + carbon));
                } else if (u.cost() instanceof CostCurve.PiecewiseLinear w) {
                    Variable y = m.addVariable("y_" + i + "_" + t);
                    obj.set(y, h);
                    if (carbon != 0) {
                        obj.set(v, h * carbon);
                    }
                    for (int k = 0; k < w.segments(); k++) {
                        double slope = w.slope(k);
                        m.addExpression("seg_" + i + "_" + t + "_" + k).set(y, 1).set(v, -slope)
                                .lower(w.costAt(k) - slope * w.mwAt(k));
                    }
                }
                if (t > 0 && (Double.isFinite(u.rampUp()) || Double.isFinite(u.rampDown()))) {
                    Expression r = m.addExpression("ramp_" + i + "_" + t).set(v, 1).set(p[i][t - 1], -1);
                    if (Double.isFinite(u.rampUp())) {
                        r.upper(u.rampUp());
                    }
                    if (Double.isFinite(u.rampDown())) {
                        r.lower(-u.rampDown());
                    }
                }
            }
        }
        double[][] flowValues = null;
        Variable[][] f = null;
        if (network == null) {
            for (int t = 0; t < intervals; t++) {
                double offset = lossOffset == null ? 0 : lossOffset[t];
                Expression bal = m.addExpression("balance_" + t)
                        .level(demand.total(t) + offset + (t == pt ? extra : 0));
                for (int i = 0; i < n; i++) {
                    bal.set(p[i][t], lossSlope == null ? 1 : 1 - lossSlope[i][t]);
                }
            }
        } else {
            int nb = network.buses().size();
            int nl = network.lines().size();
            f = new Variable[nl][intervals];
            int slack = network.index(network.slackBus());
            for (int t = 0; t < intervals; t++) {
                Variable[] theta = new Variable[nb];
                for (int b = 0; b < nb; b++) {
                    theta[b] = m.addVariable("theta_" + b + "_" + t);
                    if (b == slack) {
                        theta[b].level(0);
                    }
                }
                Expression[] bal = new Expression[nb];
                for (int b = 0; b < nb; b++) {
                    int bus = network.buses().get(b);
                    bal[b] = m.addExpression("balance_" + b + "_" + t)
                            .level(demand.at(t, bus) + (t == pt && b == pBus ? extra : 0));
                }
                for (int i = 0; i < n; i++) {
                    bal[network.index(units.get(i).bus())].set(p[i][t], 1);
                }
                for (int l = 0; l < nl; l++) {
                    Line line = network.lines().get(l);
                    Variable fl = m.addVariable("f_" + l + "_" + t);
                    if (line.limited() && !ignoreLineLimits) {
                        fl.lower(-line.rateMw()).upper(line.rateMw());
                    }
                    f[l][t] = fl;
                    double susceptance = network.baseMva() / line.x();
                    int from = network.index(line.from());
                    int to = network.index(line.to());
                    m.addExpression("flow_" + l + "_" + t).level(0).set(fl, 1).set(theta[from], -susceptance)
                            .set(theta[to], susceptance);
                    // parallel lines add up: accumulate rather than overwrite coefficients
                    bal[from].set(fl, coefficient(bal[from], fl) - 1);
                    bal[to].set(fl, coefficient(bal[to], fl) + 1);
                }
            }
        }
        Optimisation.Result r = m.minimise();
        if (!r.getState().isOptimal()) {
            return null;
        }
        double[][] pv = new double[n][intervals];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < intervals; t++) {
                pv[i][t] = p[i][t].getValue().doubleValue();
            }
        }
        if (f != null) {
            flowValues = new double[f.length][intervals];
            for (int l = 0; l < f.length; l++) {
                for (int t = 0; t < intervals; t++) {
                    flowValues[l][t] = f[l][t].getValue().doubleValue();
                }
            }
        }
        return new Solution(r.getValue(), pv, flowValues);
    }

    private static double coefficient(Expression e, Variable v) {
        BigDecimal c = e.get(v);
        return c == null ? 0 : c.doubleValue();
    }

    // ---- prices ------------------------------------------------------------------------------------

    /** Central (or, at the edge of feasibility, one-sided) difference of the optimal objective. */
    private double differencePrice(Solution base, int t, int bus) {
        Solution up = optimise(t, bus, DELTA, false);
        Solution down = optimise(t, bus, -DELTA, false);
        double h = demand.hours();
        if (up != null && down != null) {
            return (up.objective - down.objective) / (2 * DELTA * h);
        } else if (up != null) {
            return (up.objective - base.objective) / (DELTA * h);
        } else if (down != null) {
            return (base.objective - down.objective) / (DELTA * h);
        }
        return Double.NaN;
    }

    // ---- binding constraints and infeasibility -----------------------------------------------------

    private List<Binding> bindings(Solution s) {
        List<Binding> out = new ArrayList<>();
        for (int t = 0; t < intervals; t++) {
            Bindings.units(out, units, s.p, t);
            if (network != null) {
                for (int l = 0; l < network.lines().size(); l++) {
                    Bindings.line(out, network.lines().get(l), s.flow[l][t], t);
                }
            }
        }
        return out;
    }

    private String explainInfeasible() {
        if (network != null) {
            Solution free = optimise(-1, -1, 0, true);
            if (free != null) {
                List<String> over = new ArrayList<>();
                for (int l = 0; l < network.lines().size(); l++) {
                    Line line = network.lines().get(l);
                    for (int t = 0; t < intervals; t++) {
                        if (line.limited() && Math.abs(free.flow[l][t]) > line.rateMw() + TOL) {
                            over.add("line " + line.id() + (intervals > 1 ? " in interval " + t : "") + " would carry "
                                    + DispatchChecks.mw(Math.abs(free.flow[l][t])) + " MW > limit " + DispatchChecks.mw(line.rateMw()) + " MW");
                            break;
                        }
                    }
                }
                return "line limits make the demand infeasible: without them " + String.join("; ", over);
            }
        }
        boolean ramps = units.stream().anyMatch(u -> Double.isFinite(u.rampUp()) || Double.isFinite(u.rampDown()));
        return ramps ? "no plan satisfies unit, ramp and balance constraints together (ramp limits coupling intervals)"
                : "no plan satisfies the unit limits and the balance at every bus together";
    }

}
