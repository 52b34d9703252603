package org.energychain.dispatch.negotiation;

import java.util.List;

/**
 * A source's own rule for voting, from the policy it published: it accepts a plan iff its output in every
 * interval is off (0) or within [min, max], every change between intervals is within its ramp, and in
 * every interval where it runs the plan's clearing price is at least its minimum price. Otherwise it
 * rejects with the first reason found (LIMIT, RAMP, PRICE), which the vote carries to the next proposer.
 * The contract checks the limits itself, so in practice a source rejects for the price.
 */
public record AcceptancePolicy(String sourceId, SourcePolicy policy) {
    public AcceptancePolicy {
        Wire.id(sourceId, "source id");
    }

    /** NONE to accept, else why not. */
    public RejectReason judge(ProposeArgs plan, int intervals) {
        List<Long> prices = plan.pricesMilli();
        List<Long> row = plan.plan().stream().filter(r -> r.sourceId().equals(sourceId)).map(PlanRow::kw).findFirst()
                .orElse(null);
        long prev = 0;
        for (int t = 0; t < intervals; t++) {
            long kw = row == null ? 0 : row.get(t);
            if (!policy.outputAllowed(kw)) {
                return RejectReason.LIMIT;
            }
            if (t > 0 && !policy.rampAllows(kw - prev)) {
                return RejectReason.RAMP;
            }
            prev = kw;
        }
        for (int t = 0; t < intervals; t++) {
            if (row != null && row.get(t) > 0 && (t >= prices.size() || prices.get(t) < policy.minPriceMilli())) {
                return RejectReason.PRICE;
            }
        }
        return RejectReason.NONE;
    }

    /** The vote this policy casts on a plan. */
    public VoteArgs vote(ProposeArgs plan, int intervals) {
        RejectReason r = judge(plan, intervals);
        return new VoteArgs(plan.demandId(), plan.round(), r == RejectReason.NONE, r);
    }
}
