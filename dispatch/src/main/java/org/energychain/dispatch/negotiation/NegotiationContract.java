package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationCodes.BAD_PLAN;
import static org.energychain.dispatch.negotiation.NegotiationCodes.CLOSED;
import static org.energychain.dispatch.negotiation.NegotiationCodes.DEADLINE_PASSED;
import static org.energychain.dispatch.negotiation.NegotiationCodes.DUPLICATE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.INVALID;
import static org.energychain.dispatch.negotiation.NegotiationCodes.LIMIT;
import static org.energychain.dispatch.negotiation.NegotiationCodes.LINE_OVERLOAD;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_A_SOURCE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_FOUND;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_ON_GRID;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_PROPOSER;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NO_POLICY;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NO_PROPOSAL;
import static org.energychain.dispatch.negotiation.NegotiationCodes.TOO_EARLY;
import static org.energychain.dispatch.negotiation.NegotiationCodes.UNKNOWN_METHOD;
import static org.energychain.dispatch.negotiation.NegotiationCodes.WRONG_ROUND;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.dispatch.weight.Cleanness;
import org.energychain.dispatch.weight.SourceFactors;
import org.energychain.dispatch.weight.WeightFunction;
import org.energychain.dispatch.weight.Weights;
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
 * docs/dispatch.md, section "Negotiation".
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
            case CONFIGURE -> ctx.put(CONFIG_KEY, ContractArgs.decode(method, args, NegotiationConfig::decode).encode());
            case SET_SOCIAL -> {
                SocialArgs a = ContractArgs.decode(method, args, SocialArgs::decode);
                ctx.put(socialKey(a.sourceId()), a.encode());
            }
            case PUBLISH_POLICY -> ctx.put(policyKey(ctx.sender()), ContractArgs.decode(method, args, SourcePolicy::decode).encode());
            case PUBLISH_GRID -> publishGrid(ctx, ContractArgs.decode(method, args, GridArgs::decode), args);
            case POST_DEMAND -> postDemand(ctx, ContractArgs.decode(method, args, PostDemandArgs::decode));
            case PROPOSE -> propose(ctx, ContractArgs.decode(method, args, ProposeArgs::decode), args);
            case VOTE -> vote(ctx, ContractArgs.decode(method, args, VoteArgs::decode));
            case CLOSE_ROUND -> closeRound(ctx, ContractArgs.decode(method, args, DemandRef::decode));
            default -> throw new ContractException(UNKNOWN_METHOD, NAME + " has no submit method " + method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case DEMAND -> state(ctx, ContractArgs.decode(method, args, DemandRef::decode).demandId()).encode();
            case OPEN_DEMANDS -> {
                List<String> ids = new ArrayList<>();
                for (String k : ctx.scan("open/", OpenDemands.MAX).keySet()) {
                    ids.add(k.substring("open/".length()));
                }
                yield new OpenDemands(ids).encode();
            }
            case CONFIG -> config(ctx).encode();
            case GRID -> {
                byte[] g = ctx.get(GRID_KEY);
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
            default -> throw new ContractException(UNKNOWN_METHOD, NAME + " has no query " + method);
        };
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
        ctx.put(GRID_KEY, encoded);
        ctx.put(GRID_PTDF_KEY, m.encodeFactors());
    }

    /** The published grid, or null. */
    static GridModel grid(QueryContext ctx) {
        byte[] g = ctx.get(GRID_KEY);
        return g == null ? null : GridModel.decode(GridArgs.decode(g), ctx.get(GRID_PTDF_KEY));
    }

    /** Refuses a plan whose DC flows overload a line of the published grid in any interval. */
    public static void checkLines(GridModel grid, List<Long> profileKw, ProposeArgs plan) throws ContractException {
        GridModel.Overload o;
        try {
            o = grid.check(profileKw, plan);
        } catch (IllegalArgumentException e) {
            throw new ContractException(NOT_ON_GRID, PROPOSE + ": " + e.getMessage());
        } catch (ArithmeticException e) {
            throw new ContractException(BAD_PLAN, PROPOSE + ": a line flow overflows 64 bits");
        }
        if (o != null) {
            throw new ContractException(LINE_OVERLOAD, PROPOSE + ": line " + o.lineId() + " carries " + o.flowKw()
                    + " kW in interval " + o.interval() + ", its limit is " + o.limitKw() + " kW (grid "
                    + grid.grid().gridId() + ", DC flow)");
        }
    }

    private static void postDemand(TxContext ctx, PostDemandArgs a) throws ContractException {
        validateDemand(a);
        String key = demandKey(a.demandId());
        if (ctx.get(key) != null) {
            throw new ContractException(DUPLICATE, POST_DEMAND + ": demand " + a.demandId() + " already exists");
        }
        NegotiationConfig cfg = config(ctx);
        long now = ctx.blockTime().toEpochMilli();
        List<Participant> ps = participants(ctx, a, cfg, now);
        for (Participant p : ps) {
            ctx.put(sourceKey(a.demandId(), p.sourceId()), p.encode());
        }
        long roundMillis = a.roundMillis() == 0 ? cfg.roundMillis() : a.roundMillis();
        DemandRecord rec = new DemandRecord(a.demandId(), ctx.sender(), now, DemandRecord.Status.OPEN, 0,
                a.maxRounds(), roundMillis, cfg.tolerancePpm(),
                List.of(Round.open(1, proposer(a, ps, 1, List.of()), now, now + roundMillis)));
        ctx.put(argsKey(a.demandId()), a.encode());
        ctx.put(key, rec.encode());
        ctx.put(openKey(a.demandId()), new byte[] {1});
        ctx.emit(EV_DEMAND_POSTED, new DemandRef(a.demandId(), 1).encode());
    }

    /** The participants of a demand with their weights computed from the chain (see docs/dispatch.md). */
    private static List<Participant> participants(TxContext ctx, PostDemandArgs a, NegotiationConfig cfg, long now)
            throws ContractException {
        Map<String, SourcePolicy> policies = new LinkedHashMap<>();
        if (a.sources().isEmpty()) {
            var all = ctx.scan("policy/", Wire.MAX_SOURCES + 1);
            if (all.size() > Wire.MAX_SOURCES) {
                throw new ContractException(INVALID, POST_DEMAND + ": more than " + Wire.MAX_SOURCES
                        + " sources have policies; name the participants");
            }
            all.forEach((k, v) -> policies.put(k.substring("policy/".length()), SourcePolicy.decode(v)));
        } else {
            for (String id : new TreeSet<>(a.sources())) {
                byte[] v = ctx.get(policyKey(id));
                if (v == null) {
                    throw new ContractException(NO_POLICY, POST_DEMAND + ": source " + id
                            + " has not published a policy (publish-policy)");
                }
                policies.put(id, SourcePolicy.decode(v));
            }
        }
        if (policies.size() < MIN_SOURCES) {
            throw new ContractException(INVALID, POST_DEMAND + ": " + policies.size() + " sources with policies, at least "
                    + MIN_SOURCES + " must collaborate");
        }
        List<SourceFactors> factors = new ArrayList<>();
        Map<String, long[]> raw = new HashMap<>();
        for (Map.Entry<String, SourcePolicy> e : policies.entrySet()) {
            String id = e.getKey();
            long w = EnergyLog.decode(ctx.get(energyKey(id))).since(now - cfg.lookbackMillis());
            long r = Cleanness.ppm(e.getValue().technology());
            byte[] sv = ctx.get(socialKey(id));
            long s = sv == null ? cfg.defaultSocialPpm() : SocialArgs.decode(sv).ppm();
            long m = e.getValue().priceMilli();
            factors.add(new SourceFactors(id, w, r, s, m));
            raw.put(id, new long[] {w, r, s, m});
        }
        Weights weights;
        try {
            weights = new WeightFunction(cfg.coefficients()).weigh(factors);
        } catch (IllegalArgumentException e) {
            throw new ContractException(INVALID, POST_DEMAND + ": " + e.getMessage());
        }
        List<Participant> out = new ArrayList<>();
        for (Map.Entry<String, SourcePolicy> e : policies.entrySet()) {
            long[] f = Objects.requireNonNull(raw.get(e.getKey()));
            out.add(new Participant(e.getKey(), f[0], f[1], f[2], f[3], weights.of(e.getKey()), e.getValue()));
        }
        return out; // in id order: the policies were read in key order (ids are ASCII, so string order)
    }

    /** The business rules of a demand's own fields; public so a poster can check before signing. */
    public static void validateDemand(PostDemandArgs a) throws ContractException {
        if (a.profileKw().isEmpty()) {
            throw new ContractException(INVALID, POST_DEMAND + ": empty profile");
        }
        for (long kw : a.profileKw()) {
            if (kw < 0) {
                throw new ContractException(INVALID, POST_DEMAND + ": negative demand " + kw + " kW");
            }
        }
        if (a.intervalMinutes() < 1 || a.intervalMinutes() > 1440) {
            throw new ContractException(INVALID, POST_DEMAND + ": interval of " + a.intervalMinutes()
                    + " minutes out of 1..1440");
        }
        Set<String> seen = new HashSet<>();
        for (String s : a.sources()) {
            if (!seen.add(s)) {
                throw new ContractException(INVALID, POST_DEMAND + ": source " + s + " appears twice");
            }
        }
        if (!a.sources().isEmpty() && a.sources().size() < MIN_SOURCES) {
            throw new ContractException(INVALID, POST_DEMAND + ": " + a.sources().size() + " sources, at least "
                    + MIN_SOURCES + " must collaborate");
        }
        if (a.maxRounds() < 1 || a.maxRounds() > Wire.MAX_ROUNDS) {
            throw new ContractException(INVALID, POST_DEMAND + ": max rounds " + a.maxRounds() + " out of 1.."
                    + Wire.MAX_ROUNDS);
        }
        if (a.roundMillis() < 0 || a.roundMillis() > NegotiationConfig.MAX_ROUND_MILLIS) {
            throw new ContractException(INVALID, POST_DEMAND + ": round duration " + a.roundMillis()
                    + " ms out of 0 (chain default) .. 7 days");
        }
    }

    private static DemandRecord load(TxContext ctx, String method, String demandId) throws ContractException {
        byte[] v = ctx.get(demandKey(demandId));
        if (v == null) {
            throw new ContractException(NOT_FOUND, method + ": no demand " + demandId);
        }
        DemandRecord s = DemandRecord.decode(v);
        if (s.status() != DemandRecord.Status.OPEN) {
            throw new ContractException(CLOSED, method + ": demand " + demandId + " is closed (" + s.status() + ")");
        }
        return s;
    }

    private static Round openRound(TxContext ctx, String method, DemandRecord s, int round) throws ContractException {
        Round r = s.current();
        if (round != r.number()) {
            throw new ContractException(WRONG_ROUND, method + ": round " + round + " is not the open round "
                    + r.number() + " of " + s.demandId());
        }
        if (ctx.blockTime().toEpochMilli() >= r.deadlineMillis()) {
            throw new ContractException(DEADLINE_PASSED, method + ": round " + r.number() + " of "
                    + s.demandId() + " passed its deadline " + java.time.Instant.ofEpochMilli(r.deadlineMillis())
                    + "; close-round opens the next");
        }
        return r;
    }

    /**
     * @param encoded the transaction's arguments, stored as the plan: decoding is strict (fixed-width
     *                integers, booleans 0/1, valid UTF-8, no trailing bytes), so they are exactly
     *                {@code a.encode()}, without re-encoding up to a megabyte
     */
    private static void propose(TxContext ctx, ProposeArgs a, byte[] encoded) throws ContractException {
        DemandRecord s = load(ctx, PROPOSE, a.demandId());
        Round r = openRound(ctx, PROPOSE, s, a.round());
        if (!ctx.sender().equals(r.proposer())) {
            throw new ContractException(NOT_PROPOSER, PROPOSE + ": the proposer of round " + r.number() + " of "
                    + a.demandId() + " is " + r.proposer() + ", not " + ctx.sender());
        }
        if (r.proposed()) {
            throw new ContractException(DUPLICATE, PROPOSE + ": round " + r.number() + " already has a plan");
        }
        Map<String, SourcePolicy> policies = new HashMap<>();
        for (PlanRow row : a.plan()) {
            byte[] p = ctx.get(sourceKey(a.demandId(), row.sourceId()));
            if (p == null) {
                throw new ContractException(NOT_A_SOURCE, PROPOSE + ": " + row.sourceId() + " is not a source of "
                        + a.demandId());
            }
            policies.put(row.sourceId(), Participant.decode(p).policy());
        }
        PostDemandArgs d = args(ctx, a.demandId());
        checkPlan(d, s.tolerancePpm(), policies, a);
        GridModel grid = grid(ctx);
        if (grid != null) {
            checkLines(grid, d.profileKw(), a);
        }
        PlanEnergy energy;
        try {
            energy = PlanEnergy.of(a, d.intervalMinutes());
        } catch (ArithmeticException e) {
            throw new ContractException(BAD_PLAN, PROPOSE + ": a source's energy over the demand overflows");
        }
        ctx.put(planKey(a.demandId(), r.number()), encoded);
        ctx.put(planEnergyKey(a.demandId(), r.number()), energy.encode());
        ctx.put(demandKey(a.demandId()), s.replaceCurrent(r.withPlan()).encode());
        ctx.emit(EV_PLAN_PROPOSED, new DemandRef(a.demandId(), r.number()).encode());
    }

    /**
     * A plan's rules against its demand and the participants' published policies; public so a proposer
     * can check before signing. A participant without a row produces 0 kW (off).
     *
     * @param policies the policy of every source that has a row (a row of any other source is refused)
     */
    public static void checkPlan(PostDemandArgs d, long tolerancePpm, Map<String, SourcePolicy> policies,
            ProposeArgs plan) throws ContractException {
        int n = d.profileKw().size();
        if (plan.pricesMilli().size() != n) {
            throw new ContractException(BAD_PLAN, PROPOSE + ": " + plan.pricesMilli().size() + " prices, the demand has "
                    + n + " intervals");
        }
        long[] total = new long[n];
        Set<String> seen = new HashSet<>();
        for (PlanRow row : plan.plan()) {
            SourcePolicy p = policies.get(row.sourceId());
            if (p == null) {
                throw new ContractException(NOT_A_SOURCE, PROPOSE + ": " + row.sourceId() + " is not a source of "
                        + d.demandId());
            }
            if (!seen.add(row.sourceId())) {
                throw new ContractException(BAD_PLAN, PROPOSE + ": " + row.sourceId() + " has two rows");
            }
            if (row.kw().size() != n) {
                throw new ContractException(BAD_PLAN, PROPOSE + ": row of " + row.sourceId() + " has "
                        + row.kw().size() + " intervals, the demand " + n);
            }
            for (int i = 0; i < n; i++) {
                long kw = row.kw().get(i);
                if (!p.outputAllowed(kw)) {
                    throw new ContractException(LIMIT, PROPOSE + ": " + row.sourceId() + " in interval " + i + ": "
                            + kw + " kW, its policy allows 0 or " + p.minKw() + ".." + p.maxKw() + " kW");
                }
                if (i > 0 && !p.rampAllows(kw - row.kw().get(i - 1))) {
                    throw new ContractException(LIMIT, PROPOSE + ": " + row.sourceId() + " ramps "
                            + (kw - row.kw().get(i - 1)) + " kW from interval " + (i - 1) + " to " + i
                            + ", its policy allows " + p.rampKw() + " kW");
                }
                try {
                    total[i] = Math.addExact(total[i], kw);
                } catch (ArithmeticException e) {
                    throw new ContractException(BAD_PLAN, PROPOSE + ": total of interval " + i + " overflows");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            long want = d.profileKw().get(i);
            long tol = tolerance(want, tolerancePpm);
            if (Math.abs(total[i] - want) > tol) {
                throw new ContractException(BAD_PLAN, PROPOSE + ": interval " + i + " totals " + total[i]
                        + " kW, the demand is " + want + " kW (tolerance " + tol + " kW)");
            }
        }
    }

    /** The allowed imbalance of an interval: floor(demand x tolerance / 1,000,000) kW. */
    public static long tolerance(long demandKw, long tolerancePpm) {
        return java.math.BigInteger.valueOf(demandKw).multiply(java.math.BigInteger.valueOf(tolerancePpm))
                .divide(java.math.BigInteger.valueOf(ONE)).longValueExact();
    }

    private static void vote(TxContext ctx, VoteArgs a) throws ContractException {
        DemandRecord s = load(ctx, VOTE, a.demandId());
        byte[] pv = ctx.get(sourceKey(a.demandId(), ctx.sender()));
        if (pv == null) {
            throw new ContractException(NOT_A_SOURCE, VOTE + ": " + ctx.sender() + " is not a source of "
                    + a.demandId());
        }
        Round r = openRound(ctx, VOTE, s, a.round());
        if (!r.proposed()) {
            throw new ContractException(NO_PROPOSAL, VOTE + ": round " + r.number() + " of " + a.demandId()
                    + " has no plan yet");
        }
        String vk = votePrefix(a.demandId(), r.number()) + ctx.sender();
        if (ctx.get(vk) != null) {
            throw new ContractException(DUPLICATE, VOTE + ": " + ctx.sender() + " already voted in round "
                    + r.number());
        }
        Vote v = new Vote(ctx.sender(), Participant.decode(pv).ppm(), a.accept(), a.reason());
        ctx.put(vk, v.encode());
        r = r.withVote(v);
        if (r.acceptPpm() > HALF) {
            decide(ctx, s, r, true);
        } else if (r.rejectPpm() >= HALF) {
            decide(ctx, s, r, false);
        } else {
            ctx.put(demandKey(a.demandId()), s.replaceCurrent(r).encode());
        }
    }

    private static void closeRound(TxContext ctx, DemandRef a) throws ContractException {
        DemandRecord s = load(ctx, CLOSE_ROUND, a.demandId());
        Round r = s.current();
        if (a.round() != r.number()) {
            throw new ContractException(WRONG_ROUND, CLOSE_ROUND + ": round " + a.round() + " is not the open round "
                    + r.number() + " of " + a.demandId());
        }
        if (ctx.blockTime().toEpochMilli() < r.deadlineMillis()) {
            throw new ContractException(TOO_EARLY, CLOSE_ROUND + ": round " + r.number() + " of " + a.demandId()
                    + " is open until " + java.time.Instant.ofEpochMilli(r.deadlineMillis()));
        }
        decide(ctx, s, r, r.proposed() && r.acceptPpm() > HALF);
    }

    /** Ends the open round: commits its plan, or rejects it and opens the next round or fails the demand. */
    private static void decide(TxContext ctx, DemandRecord s, Round r, boolean accepted) throws ContractException {
        String id = s.demandId();
        DemandRef ref = new DemandRef(id, r.number());
        long now = ctx.blockTime().toEpochMilli();
        if (accepted) {
            s = s.replaceCurrent(r.withOutcome(Round.Outcome.ACCEPTED));
            s = s.with(DemandRecord.Status.COMMITTED, r.number(), s.rounds());
            ctx.delete(openKey(id));
            recordEnergy(ctx, PlanEnergy.decode(ctx.get(planEnergyKey(id, r.number()))), now);
            ctx.emit(EV_PLAN_COMMITTED, ref.encode());
        } else {
            s = s.replaceCurrent(r.withOutcome(Round.Outcome.REJECTED));
            ctx.emit(EV_ROUND_REJECTED, ref.encode());
            if (r.number() < s.maxRounds()) {
                List<Participant> ps = new ArrayList<>();
                ctx.scan("source/" + id + "/", Wire.MAX_SOURCES).values().forEach(b -> ps.add(Participant.decode(b)));
                List<Round> rounds = new ArrayList<>(s.rounds());
                List<String> before = rounds.stream().map(Round::proposer).toList();
                rounds.add(Round.open(r.number() + 1, proposer(args(ctx, id), ps, r.number() + 1, before), now,
                        now + s.roundMillis()));
                s = s.with(DemandRecord.Status.OPEN, 0, rounds);
            } else {
                s = s.with(DemandRecord.Status.FAILED, 0, s.rounds());
                ctx.delete(openKey(id));
                ctx.emit(EV_NEGOTIATION_FAILED, ref.encode());
            }
        }
        ctx.put(demandKey(id), s.encode());
    }

    /** Adds each source's energy in a committed plan to its log (W of later demands). */
    private static void recordEnergy(TxContext ctx, PlanEnergy plan, long now) {
        long keepFrom = now - config(ctx).lookbackMillis();
        for (PlanEnergy.Share share : plan.shares()) {
            String k = energyKey(share.sourceId());
            ctx.put(k, EnergyLog.decode(ctx.get(k)).append(now, share.kwMin(), keepFrom).encode());
        }
    }

    /**
     * The proposer of a round (rounds count from 1). Participants are laid out in id order on the line
     * [0, 1,000,000), source k owning [c(k-1), c(k)) with c the cumulative weights; the round's position is
     * the first 8 bytes of SHA-256(tag {@code EC/nego/proposer/v2}, bytes demand encoding, i32 round), as an
     * unsigned integer mod 1,000,000; its owner proposes, unless it already proposed in the current cycle
     * (the last (round-1) mod n rounds), in which case the next source in id order (cyclically) that has not
     * does. So the choice is weighted, but no source proposes twice before every source has proposed once.
     *
     * @param line    the participants in id order with their weights
     * @param earlier the proposers of rounds 1..round-1, in order
     */
    public static String proposer(PostDemandArgs d, List<Participant> line, int round, List<String> earlier) {
        int n = line.size();
        byte[] h = HashFunctions.SHA256.hash(CanonicalWriter.tagged("EC/nego/proposer/v2").bytes(d.encode())
                .i32(round).toByteArray());
        long x = 0;
        for (int i = 0; i < 8; i++) {
            x = (x << 8) | (h[i] & 0xff);
        }
        long pos = Long.remainderUnsigned(x, ONE);
        int owner = n - 1;
        long cum = 0;
        for (int k = 0; k < n; k++) {
            cum += line.get(k).ppm();
            if (pos < cum) {
                owner = k;
                break;
            }
        }
        int inCycle = (round - 1) % n;
        Set<String> excluded = new HashSet<>(earlier.subList(earlier.size() - Math.min(inCycle, earlier.size()),
                earlier.size()));
        for (int step = 0; step < n; step++) {
            String id = line.get((owner + step) % n).sourceId();
            if (!excluded.contains(id)) {
                return id;
            }
        }
        return line.get(owner).sourceId();
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
