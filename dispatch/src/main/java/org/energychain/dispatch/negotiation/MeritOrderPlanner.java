package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The proposer's planner on the participants' published policies, in exact integer kW so a plan meets the
 * demand to the kW and every limit the contract checks. Copper plate (the policies carry no bus; the
 * network-constrained {@code EconomicDispatch} is for planning with a network case).
 *
 * <ol>
 *   <li>Merit order: effective cost = price + clean-energy preference (a shadow CO2 price in milli-currency
 *       per tonne times the technology's life-cycle g/kWh ÷ 1000), ties by id. With preference 0 this is the
 *       cost-only baseline.</li>
 *   <li>Commitment: sources are switched on in merit order until their capacity covers the peak demand;
 *       further sources with minimum 0 are on as well (they cost nothing unless needed); the others stay
 *       off (0 kW) all horizon.
 *       When an interval then cannot be met within the ramps, the next source in merit order is switched
 *       on and the horizon planned again. Sources in {@code excluded} (rejections of earlier rounds) stay
 *       off.</li>
 *   <li>Per interval, in order (the sequential method: ramp limits are met against the previous interval,
 *       without look-ahead, which can miss the optimum or the feasibility of a later steep change that a
 *       whole-horizon programme would anticipate): each on source gets its lower bound max(min, prev − ramp)
 *       and the rest is filled in merit order up to max(…, prev + ramp).</li>
 *   <li>Clearing price of an interval: the highest offered price among sources above their lower bound (the
 *       marginal offers; all are paid at least their price), or of the cheapest source with headroom when
 *       none is above it.</li>
 * </ol>
 */
public final class MeritOrderPlanner {
    private MeritOrderPlanner() {
    }

    /** Effective merit-order cost, milli-currency per MWh. */
    public static long effectiveCost(SourcePolicy p, long co2MilliPerTonne) {
        return Math.addExact(p.priceMilli(), Math.multiplyExact(co2MilliPerTonne, p.technology().gramsPerKwh()) / 1000);
    }

    /**
     * A plan for {@code profileKw} among {@code sources}.
     *
     * @throws IllegalStateException naming the interval and the binding limit when no plan fits
     */
    public static ProposeArgs plan(String demandId, int round, List<Long> profileKw, List<Participant> sources,
            Set<String> excluded, long co2MilliPerTonne) {
        List<Participant> order = new ArrayList<>();
        for (Participant p : sources) {
            if (!excluded.contains(p.sourceId())) {
                order.add(p);
            }
        }
        order.sort(Comparator.comparingLong((Participant p) -> effectiveCost(p.policy(), co2MilliPerTonne))
                .thenComparing(Participant::sourceId));
        long peak = profileKw.stream().mapToLong(Long::longValue).max().orElse(0);
        long low = profileKw.stream().mapToLong(Long::longValue).min().orElse(0);
        Set<String> on = new HashSet<>();
        long capacity = 0;
        long minimum = 0;
        for (Participant p : order) {
            if (capacity < peak || p.policy().minKw() == 0) {
                on.add(p.sourceId());
                capacity += p.policy().maxKw();
                minimum += p.policy().minKw();
            }
        }
        if (capacity < peak) {
            throw new IllegalStateException("peak demand " + peak + " kW exceeds the " + capacity + " kW of the "
                    + on.size() + " available sources (" + excluded.size() + " excluded after rejections)");
        }
        if (minimum > low) {
            throw new IllegalStateException("the minimum outputs of the committed sources, " + minimum
                    + " kW, exceed the lowest demand " + low + " kW");
        }
        while (true) {
            List<Participant> run = order.stream().filter(p -> on.contains(p.sourceId())).toList();
            long[][] kw = new long[run.size()][profileKw.size()];
            List<Long> prices = new ArrayList<>();
            String shortfall = dispatch(profileKw, run, kw, prices);
            if (shortfall == null) {
                return rows(demandId, round, sources, run, kw, prices);
            }
            Participant next = order.stream().filter(p -> !on.contains(p.sourceId())).findFirst().orElse(null);
            if (next == null) {
                throw new IllegalStateException(shortfall);
            }
            on.add(next.sourceId()); // a unit more on, and try again (it is free to start anywhere in [min, max])
        }
    }

    /** Fills {@code kw} and {@code prices}; null on success, else why an interval cannot be met. */
    private static String dispatch(List<Long> profileKw, List<Participant> run, long[][] kw, List<Long> prices) {
        int n = profileKw.size();
        for (int t = 0; t < n; t++) {
            long rest = profileKw.get(t);
            long[] hi = new long[run.size()];
            for (int k = 0; k < run.size(); k++) {
                SourcePolicy p = run.get(k).policy();
                long lo = p.minKw();
                hi[k] = p.maxKw();
                if (t > 0 && p.rampKw() > 0) {
                    lo = Math.max(lo, kw[k][t - 1] - p.rampKw());
                    hi[k] = Math.min(hi[k], kw[k][t - 1] + p.rampKw());
                }
                kw[k][t] = lo;
                rest -= lo;
            }
            if (rest < 0) {
                throw new IllegalStateException("interval " + t + ": demand " + profileKw.get(t) + " kW is below the "
                        + (profileKw.get(t) - rest) + " kW the sources can ramp down to");
            }
            long price = -1;
            for (int k = 0; k < run.size() && rest > 0; k++) {
                long more = Math.min(rest, hi[k] - kw[k][t]);
                if (more > 0) {
                    kw[k][t] += more;
                    rest -= more;
                    price = Math.max(price, run.get(k).policy().priceMilli());
                }
            }
            if (rest > 0) {
                return "interval " + t + ": demand " + profileKw.get(t) + " kW exceeds by " + rest
                        + " kW what the sources can reach within their ramp and maximum";
            }
            if (price < 0) {
                for (int k = 0; k < run.size() && price < 0; k++) {
                    if (kw[k][t] < hi[k]) {
                        price = run.get(k).policy().priceMilli();
                    }
                }
            }
            prices.add(Math.max(price, 0));
        }
        return null;
    }

    private static ProposeArgs rows(String demandId, int round, List<Participant> sources, List<Participant> run,
            long[][] kw, List<Long> prices) {
        int n = prices.size();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int k = 0; k < run.size(); k++) {
            index.put(run.get(k).sourceId(), k);
        }
        List<PlanRow> rows = new ArrayList<>();
        for (Participant p : sources) {
            Integer k = index.get(p.sourceId());
            if (k != null) {
                List<Long> row = new ArrayList<>(n);
                for (long v : kw[k]) {
                    row.add(v);
                }
                rows.add(new PlanRow(p.sourceId(), row));
            }
        }
        return new ProposeArgs(demandId, round, rows, prices);
    }

    /**
     * The sources the next proposer leaves out: those that rejected an earlier round of the demand for a
     * reason the plan can fix by not running them (PRICE, LIMIT, RAMP).
     */
    public static Set<String> excludedAfter(DemandState s) {
        Set<String> out = new HashSet<>();
        for (Round r : s.rounds()) {
            if (r.outcome() == Round.Outcome.REJECTED) {
                for (Vote v : s.votes(r.number())) {
                    if (!v.accept() && (v.reason() == RejectReason.PRICE || v.reason() == RejectReason.LIMIT
                            || v.reason() == RejectReason.RAMP)) {
                        out.add(v.voter());
                    }
                }
            }
        }
        return out;
    }
}
