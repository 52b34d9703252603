package org.energychain.dispatch.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A fast decomposition of the multi-interval network dispatch for many units with linear costs (offers):
 * the horizon is solved interval by interval, each unit's bounds narrowed to its ramp around its output
 * of the previous interval (sequential dispatch: no look-ahead, so a later steep change that the whole-
 * horizon programme of {@link EconomicDispatch} would prepare for can be met at a higher cost or not at
 * all), and within an interval the DC network enters by constraint generation: merit order first; the line
 * flows from the PTDFs; if a line is over its limit, an LP (ojAlgo) over the units with the balance and
 * only the violated lines' PTDF rows, repeated while the solution overloads another line. Each interval's
 * result is optimal for that interval (the added rows are the only ones binding). The trade-off against the
 * whole-horizon QP: no look-ahead on ramps, no quadratic costs (the {@code a} of a curve must be 0), in
 * exchange for LPs with a handful of rows instead of one programme over all units, intervals, angles and
 * flows (which ojAlgo's dense simplex cannot solve at 1,000 units × 96 intervals in useful time).
 */
public final class SequentialNetworkDispatch {
    private SequentialNetworkDispatch() {
    }

    /** MW per unit (input order) per interval, the cost (without the CO2 price), and the work done. */
    public record Result(double[][] output, double cost, int lpSolves, int lineRows) {
    }

    public static Result solve(List<Unit> units, Demand demand, Network net, double co2Price) {
        int n = units.size();
        int[] busIndex = new int[n];
        double[] price = new double[n];
        double[] linear = new double[n];
        for (int k = 0; k < n; k++) {
            Unit u = units.get(k);
            if (!(u.cost() instanceof CostCurve.Quadratic q) || q.a() != 0) {
                throw new IllegalArgumentException("unit " + u.id() + ": the sequential dispatch needs a linear cost");
            }
            linear[k] = q.b();
            price[k] = q.b() + co2Price * u.emissionFactor();
            busIndex[k] = net.index(u.bus());
        }
        double[][] ptdf = DcPowerFlow.ptdf(net);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble((Integer k) -> price[k]).thenComparing(k -> units.get(k).id()));
        int intervals = demand.intervals();
        double[][] out = new double[n][intervals];
        double cost = 0;
        int solves = 0;
        int rows = 0;
        for (int t = 0; t < intervals; t++) {
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int k = 0; k < n; k++) {
                Unit u = units.get(k);
                lo[k] = u.lower(t);
                hi[k] = u.upper(t);
                if (t > 0) {
                    lo[k] = Math.max(lo[k], out[k][t - 1] - u.rampDown());
                    hi[k] = Math.min(hi[k], out[k][t - 1] + u.rampUp());
                }
            }
            double total = demand.total(t);
            double[] load = new double[net.buses().size()];
            for (var e : demand.loads().get(t).entrySet()) {
                load[net.index(e.getKey())] += e.getValue();
            }
            double[] p = meritOrder(order, lo, hi, total, t);
            Set<Integer> active = new LinkedHashSet<>();
            for (int iter = 0; ; iter++) {
                Set<Integer> over = overloaded(net, ptdf, busIndex, p, load);
                over.removeAll(active);
                if (over.isEmpty()) {
                    break;
                }
                if (iter == 20) {
                    throw new IllegalStateException("interval " + t + ": line limits still violated after 20 LPs");
                }
                active.addAll(over);
                p = lp(n, lo, hi, price, total, active, net, ptdf, busIndex, load, t);
                solves++;
            }
            rows += active.size();
            for (int k = 0; k < n; k++) {
                out[k][t] = p[k];
                cost += demand.hours() * linear[k] * p[k];
            }
        }
        return new Result(out, cost, solves, rows);
    }

    private static double[] meritOrder(List<Integer> order, double[] lo, double[] hi, double total, int t) {
        double[] p = lo.clone();
        double rest = total;
        for (double v : lo) {
            rest -= v;
        }
        if (rest < -1e-6) {
            throw new IllegalStateException("interval " + t + ": demand " + total + " MW is below the units' ramp-bound "
                    + "minimum " + (total - rest) + " MW");
        }
        for (int k : order) {
            if (rest <= 0) {
                break;
            }
            double more = Math.min(rest, hi[k] - p[k]);
            p[k] += more;
            rest -= more;
        }
        if (rest > 1e-6) {
            throw new IllegalStateException("interval " + t + ": demand " + total + " MW exceeds by " + rest
                    + " MW what the units reach within their ramps and limits");
        }
        return p;
    }

    private static Set<Integer> overloaded(Network net, double[][] ptdf, int[] busIndex, double[] p, double[] load) {
        double[] inj = new double[load.length];
        for (int b = 0; b < load.length; b++) {
            inj[b] = -load[b];
        }
        for (int k = 0; k < p.length; k++) {
            inj[busIndex[k]] += p[k];
        }
        Set<Integer> over = new LinkedHashSet<>();
        for (int l = 0; l < ptdf.length; l++) {
            double f = 0;
            for (int b = 0; b < inj.length; b++) {
                f += ptdf[l][b] * inj[b];
            }
            Line line = net.lines().get(l);
            if (line.limited() && Math.abs(f) > line.rateMw() + 1e-6) {
                over.add(l);
            }
        }
        return over;
    }

    private static double[] lp(int n, double[] lo, double[] hi, double[] price, double total, Set<Integer> active,
            Network net, double[][] ptdf, int[] busIndex, double[] load, int t) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        Variable[] v = new Variable[n];
        Expression balance = m.addExpression("balance").level(total);
        for (int k = 0; k < n; k++) {
            v[k] = m.addVariable("p" + k).lower(lo[k]).upper(hi[k]).weight(price[k]);
            balance.set(v[k], 1);
        }
        for (int l : active) {
            double fixed = 0;
            for (int b = 0; b < load.length; b++) {
                fixed -= ptdf[l][b] * load[b];
            }
            double rate = net.lines().get(l).rateMw();
            Expression e = m.addExpression("line" + l).lower(-rate - fixed).upper(rate - fixed);
            for (int k = 0; k < n; k++) {
                double c = ptdf[l][busIndex[k]];
                if (c != 0) {
                    e.set(v[k], c);
                }
            }
        }
        Optimisation.Result r = m.minimise();
        if (!r.getState().isFeasible()) {
            throw new IllegalStateException("interval " + t + ": the line limits of " + active.size()
                    + " lines make the demand infeasible within the ramps (" + r.getState() + ")");
        }
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            p[k] = v[k].getValue().doubleValue();
        }
        return p;
    }
}
