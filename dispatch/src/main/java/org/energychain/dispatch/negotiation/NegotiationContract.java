package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationCodes.BAD_PLAN;
import static org.energychain.dispatch.negotiation.NegotiationCodes.CLOSED;
import static org.energychain.dispatch.negotiation.NegotiationCodes.DUPLICATE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.INVALID;
import static org.energychain.dispatch.negotiation.NegotiationCodes.MALFORMED;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_A_SOURCE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_FOUND;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_PROPOSER;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NO_PROPOSAL;
import static org.energychain.dispatch.negotiation.NegotiationCodes.WRONG_ROUND;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.genesis.Role;

/**
 * The dispatch chain's negotiation contract (paper III, multi-source collaboration): a grid or load posts
 * a demand profile with the participating sources and their voting weights; in each round one source,
 * chosen deterministically by weight, proposes a plan (output per source per interval, kW); the sources
 * vote and the weighted majority decides. Stateless and deterministic. Rules, encodings and codes: see
 * docs/dispatch.md, section "Negotiation".
 *
 * <ul>
 *   <li>submit {@code post-demand} (GRID, LOAD): {@link PostDemandArgs}.</li>
 *   <li>submit {@code propose} (PLANT, GROUP; only the round's proposer): {@link ProposeArgs}.</li>
 *   <li>submit {@code vote} (PLANT, GROUP; only a source of the demand): {@link VoteArgs}.</li>
 *   <li>query {@code demand}: {@link DemandRef} &rarr; {@link DemandState}.</li>
 *   <li>query {@code open-demands}: empty &rarr; {@link OpenDemands}.</li>
 * </ul>
 */
public final class NegotiationContract implements Contract {
    public static final String NAME = "dispatch-negotiation";
    public static final String POST_DEMAND = "post-demand";
    public static final String PROPOSE = "propose";
    public static final String VOTE = "vote";
    public static final String DEMAND = "demand";
    public static final String OPEN_DEMANDS = "open-demands";

    public static final String EV_DEMAND_POSTED = "demand-posted";
    public static final String EV_PLAN_PROPOSED = "plan-proposed";
    public static final String EV_PLAN_COMMITTED = "plan-committed";
    public static final String EV_ROUND_REJECTED = "round-rejected";
    public static final String EV_NEGOTIATION_FAILED = "negotiation-failed";

    /** All weights; a plan is committed when strictly more than half of it accepts. */
    public static final long ONE = 1_000_000;
    public static final long HALF = 500_000;
    public static final int MIN_SOURCES = 3;

    private static final Map<String, MethodSpec> METHODS = Map.of(
            POST_DEMAND, MethodSpec.submit(Role.GRID, Role.LOAD),
            PROPOSE, MethodSpec.submit(Role.PLANT, Role.GROUP),
            VOTE, MethodSpec.submit(Role.PLANT, Role.GROUP),
            DEMAND, MethodSpec.query(),
            OPEN_DEMANDS, MethodSpec.query());

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
            case POST_DEMAND -> postDemand(ctx, decode(method, args, PostDemandArgs::decode));
            case PROPOSE -> propose(ctx, decode(method, args, ProposeArgs::decode));
            case VOTE -> vote(ctx, decode(method, args, VoteArgs::decode));
            default -> throw new ContractException(MALFORMED, NAME + " has no submit method " + method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case DEMAND -> {
                DemandRef ref = decode(method, args, DemandRef::decode);
                byte[] v = ctx.get(demandKey(ref.demandId()));
                if (v == null) {
                    throw new ContractException(NOT_FOUND, DEMAND + ": no demand " + ref.demandId());
                }
                yield v;
            }
            case OPEN_DEMANDS -> {
                List<String> ids = new ArrayList<>();
                for (String k : ctx.scan("open/", OpenDemands.MAX).keySet()) {
                    ids.add(k.substring("open/".length()));
                }
                yield new OpenDemands(ids).encode();
            }
            default -> throw new ContractException(MALFORMED, NAME + " has no query " + method);
        };
    }

    private static <T> T decode(String method, byte[] args, Function<byte[], T> f) throws ContractException {
        try {
            return f.apply(args);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ContractException(MALFORMED, method + ": malformed arguments: " + e.getMessage());
        }
    }

    private static void postDemand(TxContext ctx, PostDemandArgs a) throws ContractException {
        validateDemand(a);
        String key = demandKey(a.demandId());
        if (ctx.get(key) != null) {
            throw new ContractException(DUPLICATE, POST_DEMAND + ": demand " + a.demandId() + " already exists");
        }
        DemandState s = new DemandState(a, ctx.sender(), ctx.blockTime().toEpochMilli(), DemandState.Status.OPEN, 0,
                List.of(Round.open(1, proposer(a, 1, List.of()))));
        ctx.put(key, s.encode());
        ctx.put(openKey(a.demandId()), new byte[] {1});
        ctx.emit(EV_DEMAND_POSTED, new DemandRef(a.demandId(), 1).encode());
    }

    /** The business rules of a demand; public so a poster can check before signing. */
    public static void validateDemand(PostDemandArgs a) throws ContractException {
        if (a.profileKw().isEmpty()) {
            throw new ContractException(INVALID, POST_DEMAND + ": empty profile");
        }
        for (long kw : a.profileKw()) {
            if (kw < 0) {
                throw new ContractException(INVALID, POST_DEMAND + ": negative demand " + kw + " kW");
            }
        }
        if (a.sources().size() < MIN_SOURCES) {
            throw new ContractException(INVALID, POST_DEMAND + ": " + a.sources().size() + " sources, at least "
                    + MIN_SOURCES + " must collaborate");
        }
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (SourceWeight s : a.sources()) {
            if (!seen.add(s.sourceId())) {
                throw new ContractException(INVALID, POST_DEMAND + ": source " + s.sourceId() + " appears twice");
            }
            if (s.ppm() < 0 || s.ppm() > HALF) {
                throw new ContractException(INVALID, POST_DEMAND + ": weight of " + s.sourceId() + " is " + s.ppm()
                        + " ppm, must be 0.." + HALF);
            }
            sum += s.ppm();
        }
        if (sum != ONE) {
            throw new ContractException(INVALID, POST_DEMAND + ": weights sum to " + sum + " ppm, not " + ONE);
        }
        if (a.maxRounds() < 1 || a.maxRounds() > Wire.MAX_ROUNDS) {
            throw new ContractException(INVALID, POST_DEMAND + ": max rounds " + a.maxRounds() + " out of 1.."
                    + Wire.MAX_ROUNDS);
        }
    }

    private static DemandState load(TxContext ctx, String method, String demandId) throws ContractException {
        byte[] v = ctx.get(demandKey(demandId));
        if (v == null) {
            throw new ContractException(NOT_FOUND, method + ": no demand " + demandId);
        }
        DemandState s = DemandState.decode(v);
        if (s.status() != DemandState.Status.OPEN) {
            throw new ContractException(CLOSED, method + ": demand " + demandId + " is closed (" + s.status() + ")");
        }
        return s;
    }

    private static void propose(TxContext ctx, ProposeArgs a) throws ContractException {
        DemandState s = load(ctx, PROPOSE, a.demandId());
        Round r = s.current();
        if (a.round() != r.number()) {
            throw new ContractException(WRONG_ROUND, PROPOSE + ": round " + a.round() + " is not the open round "
                    + r.number() + " of " + a.demandId());
        }
        if (!ctx.sender().equals(r.proposer())) {
            throw new ContractException(NOT_PROPOSER, PROPOSE + ": the proposer of round " + r.number() + " of "
                    + a.demandId() + " is " + r.proposer() + ", not " + ctx.sender());
        }
        if (r.proposed()) {
            throw new ContractException(DUPLICATE, PROPOSE + ": round " + r.number() + " already has a plan");
        }
        checkPlan(s.demand(), a.plan());
        ctx.put(demandKey(a.demandId()), s.replaceCurrent(r.withPlan(a.plan())).encode());
        ctx.emit(EV_PLAN_PROPOSED, new DemandRef(a.demandId(), r.number()).encode());
    }

    /** A plan's rules against its demand; public so a proposer can check before signing. */
    public static void checkPlan(PostDemandArgs d, List<PlanRow> plan) throws ContractException {
        int n = d.profileKw().size();
        long[] total = new long[n];
        Set<String> seen = new HashSet<>();
        for (PlanRow row : plan) {
            if (d.weightOf(row.sourceId()) < 0) {
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
                if (kw < 0) {
                    throw new ContractException(BAD_PLAN, PROPOSE + ": negative output " + kw + " kW of "
                            + row.sourceId() + " in interval " + i);
                }
                try {
                    total[i] = Math.addExact(total[i], kw);
                } catch (ArithmeticException e) {
                    throw new ContractException(BAD_PLAN, PROPOSE + ": total of interval " + i + " overflows");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (total[i] != d.profileKw().get(i)) {
                throw new ContractException(BAD_PLAN, PROPOSE + ": interval " + i + " totals " + total[i]
                        + " kW, the demand is " + d.profileKw().get(i) + " kW");
            }
        }
    }

    private static void vote(TxContext ctx, VoteArgs a) throws ContractException {
        DemandState s = load(ctx, VOTE, a.demandId());
        long ppm = s.demand().weightOf(ctx.sender());
        if (ppm < 0) {
            throw new ContractException(NOT_A_SOURCE, VOTE + ": " + ctx.sender() + " is not a source of "
                    + a.demandId());
        }
        Round r = s.current();
        if (a.round() != r.number()) {
            throw new ContractException(WRONG_ROUND, VOTE + ": round " + a.round() + " is not the open round "
                    + r.number() + " of " + a.demandId());
        }
        if (!r.proposed()) {
            throw new ContractException(NO_PROPOSAL, VOTE + ": round " + r.number() + " of " + a.demandId()
                    + " has no plan yet");
        }
        if (r.hasVoted(ctx.sender())) {
            throw new ContractException(DUPLICATE, VOTE + ": " + ctx.sender() + " already voted in round "
                    + r.number());
        }
        r = r.withVote(new Vote(ctx.sender(), ppm, a.accept()));
        DemandRef ref = new DemandRef(a.demandId(), r.number());
        String id = a.demandId();
        if (r.acceptingPpm() > HALF) {
            s = s.replaceCurrent(r.withOutcome(Round.Outcome.ACCEPTED));
            s = s.with(DemandState.Status.COMMITTED, r.number(), s.rounds());
            ctx.delete(openKey(id));
            ctx.emit(EV_PLAN_COMMITTED, ref.encode());
        } else if (r.rejectingPpm() >= HALF) {
            s = s.replaceCurrent(r.withOutcome(Round.Outcome.REJECTED));
            ctx.emit(EV_ROUND_REJECTED, ref.encode());
            if (r.number() < s.demand().maxRounds()) {
                List<Round> rounds = new ArrayList<>(s.rounds());
                List<String> before = rounds.stream().map(Round::proposer).toList();
                rounds.add(Round.open(r.number() + 1, proposer(s.demand(), r.number() + 1, before)));
                s = s.with(DemandState.Status.OPEN, 0, rounds);
            } else {
                s = s.with(DemandState.Status.FAILED, 0, s.rounds());
                ctx.delete(openKey(id));
                ctx.emit(EV_NEGOTIATION_FAILED, ref.encode());
            }
        } else {
            s = s.replaceCurrent(r);
        }
        ctx.put(demandKey(id), s.encode());
    }

    /**
     * The proposer of a round (rounds count from 1). Sources are laid out in id order on the line
     * [0, 1,000,000), source k owning [c(k-1), c(k)) with c the cumulative weights; the round's position is
     * the first 8 bytes of SHA-256(tag {@code EC/nego/proposer/v1}, bytes demand encoding, i32 round), as an
     * unsigned integer mod 1,000,000; its owner proposes, unless it already proposed in the current cycle
     * (the last (round-1) mod n rounds), in which case the next source in id order (cyclically) that has not
     * does. So the choice is weighted, but no source proposes twice before every source has proposed once.
     *
     * @param earlier the proposers of rounds 1..round-1, in order
     */
    public static String proposer(PostDemandArgs d, int round, List<String> earlier) {
        List<SourceWeight> line = new ArrayList<>(d.sources());
        line.sort(Comparator.comparing(SourceWeight::sourceId));
        int n = line.size();
        byte[] h = HashFunctions.SHA256.hash(CanonicalWriter.tagged("EC/nego/proposer/v1").bytes(d.encode())
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

    static String demandKey(String id) {
        return "demand/" + id;
    }

    static String openKey(String id) {
        return "open/" + id;
    }
}
