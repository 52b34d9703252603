package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;

/**
 * A source's off-chain rule for voting: it accepts a plan iff its own output in every interval lies in
 * [minKw, maxKw] (a plan without a row for it gives it 0 kW). The contract never sees the policy, only the
 * vote.
 */
public record AcceptancePolicy(String sourceId, long minKw, long maxKw) {
    public AcceptancePolicy {
        Wire.id(sourceId, "source id");
        if (minKw < 0 || maxKw < minKw) {
            throw new IllegalArgumentException("need 0 <= minKw <= maxKw, got " + minKw + ".." + maxKw);
        }
    }

    /** Whether this source votes accept for {@code plan} over {@code intervals} intervals. */
    public boolean accepts(List<PlanRow> plan, int intervals) {
        List<Long> mine = null;
        for (PlanRow r : plan) {
            if (r.sourceId().equals(sourceId)) {
                mine = r.kw();
            }
        }
        for (int i = 0; i < intervals; i++) {
            long kw = mine == null || i >= mine.size() ? 0 : mine.get(i);
            if (kw < minKw || kw > maxKw) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plan for {@code profileKw} that respects every policy when that is possible: each source gets its
     * minimum, then the rest of each interval is filled up to the maxima, {@code first} first and then the
     * others in the given order. When the maxima fall short the rest goes to {@code first}; when the minima
     * exceed the demand outputs are cut in that order (never below 0). Either way the plan matches the
     * demand, so the contract takes it, and the votes of the sources it violates refuse it.
     */
    public static List<PlanRow> fill(List<Long> profileKw, List<AcceptancePolicy> policies, String first) {
        List<AcceptancePolicy> order = new ArrayList<>();
        policies.stream().filter(p -> p.sourceId().equals(first)).forEach(order::add);
        policies.stream().filter(p -> !p.sourceId().equals(first)).forEach(order::add);
        long[][] kw = new long[order.size()][profileKw.size()];
        for (int i = 0; i < profileKw.size(); i++) {
            long rest = profileKw.get(i);
            for (int k = 0; k < order.size(); k++) {
                kw[k][i] = order.get(k).minKw();
                rest -= kw[k][i];
            }
            for (int k = 0; k < order.size() && rest > 0; k++) {
                long more = Math.min(rest, order.get(k).maxKw() - kw[k][i]);
                kw[k][i] += more;
                rest -= more;
            }
            // infeasible policies: the shortfall goes to the first source (above its maximum), an excess of
            // minima over the demand is taken back in order (below their minima), never below 0
            kw[0][i] += Math.max(rest, 0);
            for (int k = 0; k < order.size() && rest < 0; k++) {
                long take = Math.min(-rest, kw[k][i]);
                kw[k][i] -= take;
                rest += take;
            }
        }
        List<PlanRow> out = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            List<Long> row = new ArrayList<>();
            for (long v : kw[k]) {
                row.add(v);
            }
            out.add(new PlanRow(order.get(k).sourceId(), row));
        }
        return out;
    }
}
