package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationCodes.INVALID;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_FOUND;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;

/**
 * The dispatch chain's negotiation contract (paper III, multi-source collaboration). Sources publish
 * their acceptance policies; a grid or load posts a demand profile; the contract computes every
 * participant's voting weight from the chain itself (energy assigned in recently committed plans, the
 * cleanness of its technology, the social coefficient set by governance, its price); in each round one
 * source, chosen deterministically by weight, proposes a plan that the contract checks against every
 * published limit; the sources vote with a reason; a weighted majority commits, a rejection or the round's
 * deadline passes the turn to the next proposer. Stateless and deterministic. Rules, encodings and codes:
 * docs/dispatch.md, section "Negotiation". This class names the methods and routes them:
 * {@link DemandPosting} posts demands, {@link RoundSteps} runs the rounds, {@link NegotiationRules} and
 * {@link ProposerDraw} are the rules, {@link NegotiationState} the key layout.
 *
 * <ul>
 *   <li>submit {@code configure} (GRID): {@link NegotiationConfig}; {@code set-social} (GRID): {@link SocialArgs};
 *       {@code publish-grid} (GRID): {@link GridArgs}, the network every later plan's DC flows are checked
 *       against ({@link GridModel}).</li>
 *   <li>submit {@code publish-policy} (PLANT, GROUP): {@link SourcePolicy} for the sender.</li>
 *   <li>submit {@code post-demand} (GRID, LOAD): {@link PostDemandArgs}.</li>
 *   <li>submit {@code propose} (PLANT, GROUP; only the round's proposer): {@link ProposeArgs}.</li>
 *   <li>submit {@code vote} (PLANT, GROUP; only a participant): {@link VoteArgs}.</li>
 *   <li>submit {@code close-round} (any member, after the deadline): {@link DemandRef}.</li>
 *   <li>query {@code demand}: {@link DemandRef} &rarr; {@link DemandState}; {@code open-demands} &rarr;
 *       {@link OpenDemands}; {@code config} &rarr; {@link NegotiationConfig}; {@code policies} &rarr;
 *       {@link PolicyList}; {@code grid} &rarr; {@link GridArgs}.</li>
 * </ul>
 */
public final class NegotiationContract implements Contract {
    public static final String NAME = "dispatch-negotiation";
    public static final String CONFIGURE = "configure";
    public static final String SET_SOCIAL = "set-social";
    public static final String PUBLISH_POLICY = "publish-policy";
    public static final String POST_DEMAND = "post-demand";
    public static final String PROPOSE = "propose";
    public static final String VOTE = "vote";
    public static final String CLOSE_ROUND = "close-round";
    public static final String DEMAND = "demand";
    public static final String OPEN_DEMANDS = "open-demands";
    public static final String CONFIG = "config";
    public static final String POLICIES = "policies";
    public static final String PUBLISH_GRID = "publish-grid";
    public static final String GRID = "grid";

    public static final String EV_DEMAND_POSTED = "demand-posted";
    public static final String EV_PLAN_PROPOSED = "plan-proposed";
    public static final String EV_PLAN_COMMITTED = "plan-committed";
    public static final String EV_ROUND_REJECTED = "round-rejected";
    public static final String EV_NEGOTIATION_FAILED = "negotiation-failed";

    /** All weights; a plan is committed when strictly more than half of it accepts. */
    public static final long ONE = 1_000_000;
    public static final long HALF = 500_000;
    public static final int MIN_SOURCES = 3;

    private static final Map<String, MethodSpec> METHODS = Map.ofEntries(
            Map.entry(CONFIGURE, MethodSpec.submit(DispatchRoles.GRID)),
            Map.entry(SET_SOCIAL, MethodSpec.submit(DispatchRoles.GRID)),
            Map.entry(PUBLISH_GRID, MethodSpec.submit(DispatchRoles.GRID)),
            Map.entry(GRID, MethodSpec.query()),
            Map.entry(PUBLISH_POLICY, MethodSpec.submit(DispatchRoles.PLANT, DispatchRoles.GROUP)),
            Map.entry(POST_DEMAND, MethodSpec.submit(DispatchRoles.GRID, DispatchRoles.LOAD)),
            Map.entry(PROPOSE, MethodSpec.submit(DispatchRoles.PLANT, DispatchRoles.GROUP)),
            Map.entry(VOTE, MethodSpec.submit(DispatchRoles.PLANT, DispatchRoles.GROUP)),
            Map.entry(CLOSE_ROUND, MethodSpec.submit()),
            Map.entry(DEMAND, MethodSpec.query()),
            Map.entry(OPEN_DEMANDS, MethodSpec.query()),
            Map.entry(CONFIG, MethodSpec.query()),
            Map.entry(POLICIES, MethodSpec.query()));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, MethodSpec> methods() {
        return METHODS;
    }

    @Override
    public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
        switch (method) {
            case CONFIGURE -> ctx.put(NegotiationState.CONFIG_KEY,
                    ContractArgs.decode(method, args, NegotiationConfig::decode).encode());
            case SET_SOCIAL -> {
                SocialArgs a = ContractArgs.decode(method, args, SocialArgs::decode);
                ctx.put(NegotiationState.socialKey(a.sourceId()), a.encode());
            }
            case PUBLISH_POLICY -> ctx.put(NegotiationState.policyKey(ctx.sender()),
                    ContractArgs.decode(method, args, SourcePolicy::decode).encode());
            case PUBLISH_GRID -> publishGrid(ctx, ContractArgs.decode(method, args, GridArgs::decode), args);
            case POST_DEMAND -> DemandPosting.postDemand(ctx, ContractArgs.decode(method, args, PostDemandArgs::decode));
            case PROPOSE -> RoundSteps.propose(ctx, ContractArgs.decode(method, args, ProposeArgs::decode), args);
            case VOTE -> RoundSteps.vote(ctx, ContractArgs.decode(method, args, VoteArgs::decode));
            case CLOSE_ROUND -> RoundSteps.closeRound(ctx, ContractArgs.decode(method, args, DemandRef::decode));
            default -> throw CommonCodes.unknownMethod(NAME, method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case DEMAND -> NegotiationState.state(ctx, ContractArgs.decode(method, args, DemandRef::decode).demandId())
                    .encode();
            case OPEN_DEMANDS -> {
                List<String> ids = new ArrayList<>();
                for (String k : ctx.scan("open/", OpenDemands.MAX).keySet()) {
                    ids.add(k.substring("open/".length()));
                }
                yield new OpenDemands(ids).encode();
            }
            case CONFIG -> NegotiationState.config(ctx).encode();
            case GRID -> {
                byte[] g = ctx.get(NegotiationState.GRID_KEY);
                if (g == null) {
                    throw new ContractException(NOT_FOUND, GRID + ": no grid has been published");
                }
                yield g;
            }
            case POLICIES -> {
                Map<String, SourcePolicy> out = new LinkedHashMap<>();
                ctx.scan("policy/", Wire.MAX_SOURCES).forEach((k, v) ->
                        out.put(k.substring("policy/".length()), SourcePolicy.decode(v)));
                yield new PolicyList(out).encode();
            }
            default -> throw CommonCodes.unknownMethod(NAME, method);
        };
    }

    /**
     * Stores the grid and its fixed-point distribution factors (computed here, once: O(buses³) work, buses
     * at most {@value GridArgs#MAX_BUSES}); a later grid replaces it for every later proposal.
     */
    private static void publishGrid(TxContext ctx, GridArgs g, byte[] encoded) throws ContractException {
        GridModel m;
        try {
            m = GridModel.of(g);
        } catch (IllegalArgumentException e) {
            throw new ContractException(INVALID, PUBLISH_GRID + ": " + e.getMessage());
        }
        ctx.put(NegotiationState.GRID_KEY, encoded);
        ctx.put(NegotiationState.GRID_PTDF_KEY, m.encodeFactors());
    }

    /** The business rules of a demand's own fields; public so a poster can check before signing. */
    public static void validateDemand(PostDemandArgs a) throws ContractException {
        NegotiationRules.validateDemand(a);
    }

    /**
     * A plan's rules against its demand and the participants' published policies; public so a proposer
     * can check before signing. A participant without a row produces 0 kW (off).
     *
     * @param policies the policy of every source that has a row (a row of any other source is refused)
     */
    public static void checkPlan(PostDemandArgs d, long tolerancePpm, Map<String, SourcePolicy> policies,
            ProposeArgs plan) throws ContractException {
        NegotiationRules.checkPlan(d, tolerancePpm, policies, plan);
    }

    /** Refuses a plan whose DC flows overload a line of the published grid in any interval. */
    public static void checkLines(GridModel grid, List<Long> profileKw, ProposeArgs plan) throws ContractException {
        NegotiationRules.checkLines(grid, profileKw, plan);
    }

    /** The allowed imbalance of an interval: floor(demand x tolerance / 1,000,000) kW. */
    public static long tolerance(long demandKw, long tolerancePpm) {
        return NegotiationRules.tolerance(demandKw, tolerancePpm);
    }

    /** The proposer of round {@code round} ({@link ProposerDraw}): weighted, no source twice in a cycle. */
    public static String proposer(PostDemandArgs d, List<Participant> line, int round, List<String> earlier) {
        return ProposerDraw.proposer(d, line, round, earlier);
    }
}
