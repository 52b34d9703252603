package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_FOUND;
import static org.energychain.dispatch.negotiation.NegotiationContract.DEMAND;

import java.util.ArrayList;
import java.util.List;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.QueryContext;
import org.jspecify.annotations.Nullable;

/**
 * The negotiation's state and its keys (docs/dispatch.md, "State keys"): the configuration, the grid, the
 * policies, social coefficients and energy logs of sources, and each demand's arguments, record,
 * participants, plans and votes. Every key of the contract's namespace is spelt here.
 */
final class NegotiationState {
    private NegotiationState() {
    }

    /** The whole state of a demand, assembled from its keys. */
    static DemandState state(QueryContext ctx, String id) throws ContractException {
        byte[] v = ctx.get(demandKey(id));
        if (v == null) {
            throw new ContractException(NOT_FOUND, DEMAND + ": no demand " + id);
        }
        DemandRecord rec = DemandRecord.decode(v);
        PostDemandArgs args = args(ctx, id);
        List<Participant> ps = new ArrayList<>();
        ctx.scan("source/" + id + "/", Wire.MAX_SOURCES).values().forEach(b -> ps.add(Participant.decode(b)));
        List<ProposeArgs> plans = new ArrayList<>();
        List<List<Vote>> votes = new ArrayList<>();
        for (Round r : rec.rounds()) {
            byte[] p = ctx.get(planKey(id, r.number()));
            plans.add(p == null ? null : ProposeArgs.decode(p));
            List<Vote> vs = new ArrayList<>();
            ctx.scan(votePrefix(id, r.number()), Wire.MAX_SOURCES).values().forEach(b -> vs.add(Vote.decode(b)));
            votes.add(vs);
        }
        return new DemandState(args, rec, ps, plans, votes);
    }

    /** The posted arguments of a demand that exists (written once by {@code post-demand}). */
    static PostDemandArgs args(QueryContext ctx, String id) {
        return PostDemandArgs.decode(ctx.get(argsKey(id)));
    }

    static NegotiationConfig config(QueryContext ctx) {
        byte[] v = ctx.get(CONFIG_KEY);
        return v == null ? NegotiationConfig.DEFAULT : NegotiationConfig.decode(v);
    }

    /** The published grid, or null. */
    static @Nullable GridModel grid(QueryContext ctx) {
        byte[] g = ctx.get(GRID_KEY);
        return g == null ? null : GridModel.decode(GridArgs.decode(g), ctx.get(GRID_PTDF_KEY));
    }

    static final String CONFIG_KEY = "config";
    static final String GRID_KEY = "grid";
    static final String GRID_PTDF_KEY = "grid-ptdf";

    static String demandKey(String id) {
        return "demand/" + id;
    }

    static String argsKey(String id) {
        return "demand-args/" + id;
    }

    static String openKey(String id) {
        return "open/" + id;
    }

    static String policyKey(String source) {
        return "policy/" + source;
    }

    static String socialKey(String source) {
        return "social/" + source;
    }

    static String energyKey(String source) {
        return "energy/" + source;
    }

    static String sourceKey(String demand, String source) {
        return "source/" + demand + "/" + source;
    }

    static String planKey(String demand, int round) {
        return "plan/" + demand + "/" + twoDigits(round);
    }

    static String planEnergyKey(String demand, int round) {
        return "plan-energy/" + demand + "/" + twoDigits(round);
    }

    static String votePrefix(String demand, int round) {
        return "vote/" + demand + "/" + twoDigits(round) + "/";
    }

    /** {@code %02d} of a round (1..10) without a Formatter, which showed in the vote's profile. */
    private static String twoDigits(int round) {
        return round >= 0 && round < 10 ? "0" + round : Integer.toString(round);
    }
}
