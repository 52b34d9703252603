package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationCodes.BAD_PLAN;
import static org.energychain.dispatch.negotiation.NegotiationCodes.CLOSED;
import static org.energychain.dispatch.negotiation.NegotiationCodes.DEADLINE_PASSED;
import static org.energychain.dispatch.negotiation.NegotiationCodes.DUPLICATE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_A_SOURCE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_FOUND;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_PROPOSER;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NO_PROPOSAL;
import static org.energychain.dispatch.negotiation.NegotiationCodes.TOO_EARLY;
import static org.energychain.dispatch.negotiation.NegotiationCodes.WRONG_ROUND;
import static org.energychain.dispatch.negotiation.NegotiationContract.CLOSE_ROUND;
import static org.energychain.dispatch.negotiation.NegotiationContract.EV_NEGOTIATION_FAILED;
import static org.energychain.dispatch.negotiation.NegotiationContract.EV_PLAN_COMMITTED;
import static org.energychain.dispatch.negotiation.NegotiationContract.EV_PLAN_PROPOSED;
import static org.energychain.dispatch.negotiation.NegotiationContract.EV_ROUND_REJECTED;
import static org.energychain.dispatch.negotiation.NegotiationContract.HALF;
import static org.energychain.dispatch.negotiation.NegotiationContract.PROPOSE;
import static org.energychain.dispatch.negotiation.NegotiationContract.VOTE;
import static org.energychain.dispatch.negotiation.NegotiationRules.checkLines;
import static org.energychain.dispatch.negotiation.NegotiationRules.checkPlan;
import static org.energychain.dispatch.negotiation.NegotiationState.args;
import static org.energychain.dispatch.negotiation.NegotiationState.config;
import static org.energychain.dispatch.negotiation.NegotiationState.demandKey;
import static org.energychain.dispatch.negotiation.NegotiationState.energyKey;
import static org.energychain.dispatch.negotiation.NegotiationState.grid;
import static org.energychain.dispatch.negotiation.NegotiationState.openKey;
import static org.energychain.dispatch.negotiation.NegotiationState.planEnergyKey;
import static org.energychain.dispatch.negotiation.NegotiationState.planKey;
import static org.energychain.dispatch.negotiation.NegotiationState.sourceKey;
import static org.energychain.dispatch.negotiation.NegotiationState.votePrefix;
import static org.energychain.dispatch.negotiation.ProposerDraw.proposer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.TxContext;

/**
 * A demand's rounds: {@code propose} (the round's proposer, checked against every published limit and the
 * grid), {@code vote} (a participant, weighted), {@code close-round} (anyone, after the deadline), and
 * the decision that commits the plan, or opens the next round, or fails the demand.
 */
final class RoundSteps {
    private RoundSteps() {
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
    static void propose(TxContext ctx, ProposeArgs a, byte[] encoded) throws ContractException {
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

    static void vote(TxContext ctx, VoteArgs a) throws ContractException {
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

    static void closeRound(TxContext ctx, DemandRef a) throws ContractException {
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
}
