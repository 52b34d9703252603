package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.dispatch.plan.CostCurve;
import org.energychain.dispatch.plan.DcOpf;
import org.energychain.dispatch.plan.Demand;
import org.energychain.dispatch.plan.InfeasibleDispatchException;
import org.energychain.dispatch.plan.Line;
import org.energychain.dispatch.plan.Network;
import org.energychain.dispatch.plan.Unit;

/**
 * A proposer's planner that respects the transmission limits: the sources the merit order would run
 * ({@link MeritOrderPlanner}, same exclusions and preference) are dispatched on the DC network by
 * {@link DcOpf} over the whole horizon as one programme (ramps with look-ahead, line limits added where
 * violated; exact (GLOP) up to {@value #EXACT_UP_TO} source-intervals, PDLP's fast mode above; if that is
 * infeasible, every flexible source — minimum 0 — is added and it is tried again), the load of each
 * interval spread over the buses in the given shares, and the MW result turned into exact kW
 * ({@link QpPlanner#fromMw}). Ramps are planned 1 kW inside the policy (3 kW in the fast mode) and lines
 * 1 kW inside their limits (in the fast mode {@link #FAST_MARGIN_MW} MW or {@link #FAST_MARGIN_PPM} ppm,
 * whichever is more), so that rounding to kW and the solver's accuracy keep the plan within what the
 * contract checks. The policies carry no bus, so the proposer supplies where each source connects.
 */
public final class NetworkPlanner {
    /** Largest sources × intervals planned exactly (GLOP); above, PDLP to 1e-6. */
    public static final int EXACT_UP_TO = 20_000;
    /** MW below each line limit that the fast mode aims for. */
    public static final double FAST_MARGIN_MW = 0.05;
    /** ppm of each line limit below it that the fast mode aims for, if more than {@link #FAST_MARGIN_MW}. */
    public static final long FAST_MARGIN_PPM = 500;

    private NetworkPlanner() {
    }

    /**
     * @param busOf     the bus of every participant
     * @param loadShare each bus's share of the demand (summing to 1)
     * @throws IllegalStateException when no plan fits the limits (the interval and the binding limit named)
     */
    public static ProposeArgs plan(String demandId, int round, List<Long> profileKw, int intervalMinutes,
            List<Participant> sources, Set<String> excluded, long co2MilliPerTonne, Network net,
            Map<String, Integer> busOf, Map<Integer, Double> loadShare) {
        return plan(demandId, round, profileKw, intervalMinutes, sources, excluded, co2MilliPerTonne, net, busOf,
                loadShare, false);
    }

    /**
     * As above; with {@code n1Security} every line also stays within its limit after any single branch outage
     * (line outage distribution factors, added where violated).
     */
    public static ProposeArgs plan(String demandId, int round, List<Long> profileKw, int intervalMinutes,
            List<Participant> sources, Set<String> excluded, long co2MilliPerTonne, Network net,
            Map<String, Integer> busOf, Map<Integer, Double> loadShare, boolean n1Security) {
        ProposeArgs order = MeritOrderPlanner.plan(demandId, round, profileKw, sources, excluded, co2MilliPerTonne);
        Set<String> on = new HashSet<>();
        order.plan().forEach(r -> on.add(r.sourceId()));
        try {
            return dispatch(demandId, round, profileKw, intervalMinutes, sources, on, co2MilliPerTonne, net, busOf,
                    loadShare, n1Security);
        } catch (IllegalStateException | InfeasibleDispatchException e) {
            // the merit order's sources cannot serve the load within the lines: add every flexible one (minimum 0)
            sources.stream().filter(p -> !excluded.contains(p.sourceId()) && p.policy().minKw() == 0)
                    .forEach(p -> on.add(p.sourceId()));
            try {
                return dispatch(demandId, round, profileKw, intervalMinutes, sources, on, co2MilliPerTonne, net, busOf,
                        loadShare, n1Security);
            } catch (InfeasibleDispatchException again) {
                throw new IllegalStateException(again.getMessage(), again);
            }
        }
    }

    private static ProposeArgs dispatch(String demandId, int round, List<Long> profileKw, int intervalMinutes,
            List<Participant> sources, Set<String> on, long co2MilliPerTonne, Network net, Map<String, Integer> busOf,
            Map<Integer, Double> loadShare, boolean n1Security) {
        List<Participant> run = sources.stream().filter(p -> on.contains(p.sourceId())).toList();
        boolean fast = (long) run.size() * profileKw.size() > EXACT_UP_TO;
        double rampMargin = fast ? 0.003 : 0.001;
        List<Unit> units = new ArrayList<>();
        for (Participant p : run) {
            SourcePolicy s = p.policy();
            double ramp = s.rampKw() == 0 ? Double.POSITIVE_INFINITY
                    : Math.max(s.rampKw() / 1000.0 - rampMargin, s.rampKw() / 2000.0);
            Integer bus = busOf.get(p.sourceId());
            if (bus == null) {
                throw new IllegalArgumentException("no bus for source " + p.sourceId());
            }
            units.add(new Unit(p.sourceId(), bus, s.minKw() / 1000.0, s.maxKw() / 1000.0,
                    new CostCurve.Quadratic(0, s.priceMilli() / 1000.0, 0), ramp, ramp, 0, false, List.of())
                    .withTechnology(s.technology()));
        }
        List<Map<Integer, Double>> loads = new ArrayList<>();
        for (long kw : profileKw) {
            Map<Integer, Double> m = new HashMap<>();
            loadShare.forEach((b, share) -> m.put(b, share * kw / 1000.0));
            loads.add(m);
        }
        List<Line> inside = net.lines().stream().map(l -> !l.limited() ? l : new Line(l.id(), l.from(), l.to(), l.x(),
                l.rateMw() - Math.min(l.rateMw() / 2, fast ? Math.max(FAST_MARGIN_MW, l.rateMw() * FAST_MARGIN_PPM / 1e6)
                        : 0.001), l.shiftDeg())).toList();
        Network planned = new Network(net.baseMva(), net.buses(), net.slackBus(), inside);
        DcOpf.Result r = DcOpf.solve(units, new Demand(intervalMinutes / 60.0, loads), planned,
                new DcOpf.Options(co2MilliPerTonne / 1000.0, n1Security, fast));
        double[][] mw = new double[units.size()][profileKw.size()];
        for (int i = 0; i < mw.length; i++) {
            for (int t = 0; t < profileKw.size(); t++) {
                mw[i][t] = r.plan().output().get(i).get(t);
            }
        }
        return QpPlanner.fromMw(demandId, round, profileKw, run, mw);
    }
}
