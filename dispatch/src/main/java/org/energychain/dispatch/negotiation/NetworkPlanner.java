package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.dispatch.plan.CostCurve;
import org.energychain.dispatch.plan.Demand;
import org.energychain.dispatch.plan.Network;
import org.energychain.dispatch.plan.SequentialNetworkDispatch;
import org.energychain.dispatch.plan.Unit;

/**
 * A proposer's planner that respects the transmission limits: the sources the merit order would run
 * ({@link MeritOrderPlanner}, same exclusions and preference) are dispatched on the DC network by
 * {@link SequentialNetworkDispatch} (per interval, ramps from the previous one, violated lines added as
 * PTDF rows; if that is infeasible, every flexible source — minimum 0 — is added and it is tried again), the load of each interval spread over the buses in the given shares, and the MW result
 * turned into exact kW ({@link QpPlanner#fromMw}). The policies carry no bus, so the proposer supplies
 * where each source connects.
 */
public final class NetworkPlanner {
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
        ProposeArgs order = MeritOrderPlanner.plan(demandId, round, profileKw, sources, excluded, co2MilliPerTonne);
        Set<String> on = new HashSet<>();
        order.plan().forEach(r -> on.add(r.sourceId()));
        try {
            return dispatch(demandId, round, profileKw, intervalMinutes, sources, on, co2MilliPerTonne, net, busOf,
                    loadShare);
        } catch (IllegalStateException e) {
            // the merit order's sources cannot serve the load within the lines: add every flexible one (minimum 0)
            sources.stream().filter(p -> !excluded.contains(p.sourceId()) && p.policy().minKw() == 0)
                    .forEach(p -> on.add(p.sourceId()));
            return dispatch(demandId, round, profileKw, intervalMinutes, sources, on, co2MilliPerTonne, net, busOf,
                    loadShare);
        }
    }

    private static ProposeArgs dispatch(String demandId, int round, List<Long> profileKw, int intervalMinutes,
            List<Participant> sources, Set<String> on, long co2MilliPerTonne, Network net, Map<String, Integer> busOf,
            Map<Integer, Double> loadShare) {
        List<Participant> run = sources.stream().filter(p -> on.contains(p.sourceId())).toList();
        List<Unit> units = new ArrayList<>();
        for (Participant p : run) {
            SourcePolicy s = p.policy();
            double ramp = s.rampKw() == 0 ? Double.POSITIVE_INFINITY : s.rampKw() / 1000.0;
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
        SequentialNetworkDispatch.Result r = SequentialNetworkDispatch.solve(units,
                new Demand(intervalMinutes / 60.0, loads), net, co2MilliPerTonne / 1000.0);
        return QpPlanner.fromMw(demandId, round, profileKw, run, r.output());
    }
}
