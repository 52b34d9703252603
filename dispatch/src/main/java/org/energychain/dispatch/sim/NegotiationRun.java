package org.energychain.dispatch.sim;

import java.util.List;
import java.util.Map;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.PlanMetrics;
import org.energychain.dispatch.negotiation.RejectReason;
import org.energychain.dispatch.negotiation.Round;

/**
 * The outcome of one simulated negotiation: the final on-chain state, a report per round, the committed
 * plan's metrics (null if the demand failed) and where the time went (ms, wall clock of this process).
 */
public record NegotiationRun(DemandState state, List<RoundReport> rounds, PlanMetrics committed, Timings timings) {

    /** One round: who proposed, how many sources it left out, the tally and the reasons of the rejections. */
    public record RoundReport(int number, String proposer, int excluded, Round.Outcome outcome, long acceptPpm,
            long rejectPpm, Map<RejectReason, Integer> reasons, PlanMetrics plan) {
    }

    /**
     * Milliseconds spent by the chain (admission, execution, commit) on the post (incl. the weights computed
     * on chain), the proposals and the votes; by the proposers planning; by the members signing (in reality
     * each on its own machine, in parallel); and the blocks cut. Of the proposals' and the votes' time, the
     * part spent in admission (signature, role, nonce; the votes admitted on all cores) is given apart: the
     * rest is the blocks' work (execution, state, commit).
     */
    public record Timings(double postMillis, double planMillis, double proposeMillis, double voteMillis,
            double signingMillis, int blocks, double proposeAdmissionMillis, double voteAdmissionMillis) {
    }
}
