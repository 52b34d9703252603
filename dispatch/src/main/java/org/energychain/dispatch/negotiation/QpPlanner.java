package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.dispatch.plan.CostCurve;
import org.energychain.dispatch.plan.Demand;
import org.energychain.dispatch.plan.DispatchPlan;
import org.energychain.dispatch.plan.EconomicDispatch;
import org.energychain.dispatch.plan.PlanOptions;
import org.energychain.dispatch.plan.Unit;

/**
 * The proposer's planner through {@link EconomicDispatch} (ojAlgo, the whole horizon in one programme, so
 * ramps are planned with look-ahead): each participant not excluded becomes a unit with a linear cost at
 * its offered price, its limits in MW, its ramp and its technology's emissions, and the clean-energy
 * preference is the programme's CO2 price. Every unit is on (no commitment: minimum outputs always
 * apply). The MW solution is turned into integer kW: rounded, then each interval's remainder is moved, kW
 * by kW, to units that stay within [min, max] and within their ramp to both neighbouring intervals, so the
 * plan meets the demand exactly. Slower than {@link MeritOrderPlanner} on large cases (seconds for 96
 * ramp-limited intervals).
 */
public final class QpPlanner {
    private QpPlanner() {
    }

    public static ProposeArgs plan(String demandId, int round, List<Long> profileKw, int intervalMinutes,
            List<Participant> sources, Set<String> excluded, double co2PricePerTonne) {
        List<Participant> run = sources.stream().filter(p -> !excluded.contains(p.sourceId())).toList();
        List<Unit> units = new ArrayList<>();
        for (Participant p : run) {
            SourcePolicy s = p.policy();
            double ramp = s.rampKw() == 0 ? Double.POSITIVE_INFINITY : s.rampKw() / 1000.0;
            units.add(new Unit(p.sourceId(), 0, s.minKw() / 1000.0, s.maxKw() / 1000.0,
                    new CostCurve.Quadratic(0, s.priceMilli() / 1000.0, 0), ramp, ramp, 0, false, List.of())
                    .withTechnology(s.technology()));
        }
        double[] mw = profileKw.stream().mapToDouble(k -> k / 1000.0).toArray();
        DispatchPlan plan = EconomicDispatch.solve(units, Demand.total(intervalMinutes / 60.0, mw),
                PlanOptions.defaults().withCo2Price(co2PricePerTonne).withoutPrices());
        double[][] mwOut = new double[run.size()][profileKw.size()];
        for (int k = 0; k < run.size(); k++) {
            for (int t = 0; t < profileKw.size(); t++) {
                mwOut[k][t] = plan.output().get(k).get(t);
            }
        }
        return fromMw(demandId, round, profileKw, run, mwOut);
    }

    /**
     * A plan in exact kW from a solution in MW: rounded, then each interval's remainder moved kW by kW to
     * sources that stay within [min, max] and within their ramp to both neighbouring intervals.
     *
     * @param mw MW per source of {@code run} (same order) per interval
     */
    public static ProposeArgs fromMw(String demandId, int round, List<Long> profileKw, List<Participant> run,
            double[][] mw) {
        int n = profileKw.size();
        long[][] kw = new long[run.size()][n];
        for (int k = 0; k < run.size(); k++) {
            for (int t = 0; t < n; t++) {
                kw[k][t] = Math.round(mw[k][t] * 1000);
            }
        }
        for (int t = 0; t < n; t++) {
            long rest = profileKw.get(t);
            for (long[] row : kw) {
                rest -= row[t];
            }
            for (int k = 0; k < run.size() && rest != 0; k++) {
                SourcePolicy s = run.get(k).policy();
                long lo = s.minKw();
                long hi = s.maxKw();
                if (s.rampKw() > 0) {
                    if (t > 0) {
                        lo = Math.max(lo, kw[k][t - 1] - s.rampKw());
                        hi = Math.min(hi, kw[k][t - 1] + s.rampKw());
                    }
                    if (t + 1 < n) {
                        lo = Math.max(lo, kw[k][t + 1] - s.rampKw());
                        hi = Math.min(hi, kw[k][t + 1] + s.rampKw());
                    }
                }
                long move = rest > 0 ? Math.min(rest, Math.max(0, hi - kw[k][t]))
                        : -Math.min(-rest, Math.max(0, kw[k][t] - lo));
                kw[k][t] += move;
                rest -= move;
            }
            if (rest != 0) {
                throw new IllegalStateException("interval " + t + ": " + rest + " kW left after rounding to kW");
            }
        }
        List<PlanRow> rows = new ArrayList<>();
        for (int k = 0; k < run.size(); k++) {
            List<Long> row = new ArrayList<>(n);
            for (long v : kw[k]) {
                row.add(v);
            }
            rows.add(new PlanRow(run.get(k).sourceId(), row));
        }
        return new ProposeArgs(demandId, round, rows, clearingPrices(rows, run, n));
    }

    /**
     * Per interval, the highest offered price among sources above their minimum (the marginal offers), or
     * among the producing ones when all sit at their minimum; 0 when none produces.
     */
    public static List<Long> clearingPrices(List<PlanRow> rows, List<Participant> sources, int n) {
        Map<String, SourcePolicy> pol = new HashMap<>();
        sources.forEach(p -> pol.put(p.sourceId(), p.policy()));
        List<Long> out = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            long marginal = -1;
            long producing = 0;
            for (PlanRow r : rows) {
                SourcePolicy s = pol.get(r.sourceId());
                long v = r.kw().get(t);
                if (v > 0) {
                    producing = Math.max(producing, s.priceMilli());
                }
                if (v > s.minKw()) {
                    marginal = Math.max(marginal, s.priceMilli());
                }
            }
            out.add(marginal >= 0 ? marginal : producing);
        }
        return out;
    }
}
