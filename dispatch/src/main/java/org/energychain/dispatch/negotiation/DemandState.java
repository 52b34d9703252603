package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The state of a demand, as stored and as answered by the {@code demand} query. Encoding: tag
 * {@code EC/nego/demand/v1}, the {@link PostDemandArgs} fields, string poster, i64 postedAtMillis,
 * u8 status (0 OPEN, 1 COMMITTED, 2 FAILED), i32 committedRound (0 if none), i32 r then r rounds: i32
 * number, string proposer, bool proposed, [plan as in {@link ProposeArgs}], i32 v then v x (string voter,
 * i64 ppm, bool accept), u8 outcome (0 OPEN, 1 ACCEPTED, 2 REJECTED).
 */
public record DemandState(PostDemandArgs demand, String poster, long postedAtMillis, Status status,
        int committedRound, List<Round> rounds) {
    public static final String TAG = "EC/nego/demand/v1";

    public enum Status { OPEN, COMMITTED, FAILED }

    public DemandState {
        Wire.id(poster, "poster");
        rounds = List.copyOf(rounds);
        Wire.checkCount(rounds.size(), "rounds", Wire.MAX_ROUNDS);
    }

    /** The last round (the open one while the demand is open). */
    public Round current() {
        return rounds.get(rounds.size() - 1);
    }

    /** The committed plan, or null. */
    public List<PlanRow> committedPlan() {
        return committedRound == 0 ? null : rounds.get(committedRound - 1).plan();
    }

    DemandState with(Status s, int committed, List<Round> rs) {
        return new DemandState(demand, poster, postedAtMillis, s, committed, rs);
    }

    DemandState replaceCurrent(Round r) {
        List<Round> rs = new ArrayList<>(rounds);
        rs.set(rs.size() - 1, r);
        return with(status, committedRound, rs);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG);
        demand.write(w);
        w.string(poster).i64(postedAtMillis).u8(status.ordinal()).i32(committedRound).i32(rounds.size());
        for (Round r : rounds) {
            w.i32(r.number()).string(r.proposer()).bool(r.proposed());
            if (r.proposed()) {
                ProposeArgs.writePlan(w, r.plan());
            }
            w.i32(r.votes().size());
            for (Vote v : r.votes()) {
                w.string(v.voter()).i64(v.ppm()).bool(v.accept());
            }
            w.u8(r.outcome().ordinal());
        }
        return w.toByteArray();
    }

    public static DemandState decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        PostDemandArgs demand = PostDemandArgs.read(r);
        String poster = r.string("poster");
        long at = r.i64("posted at");
        Status status = enumOf(Status.values(), r.u8("status"), "status");
        int committed = r.i32("committed round");
        int n = Wire.count(r, "rounds", Wire.MAX_ROUNDS);
        List<Round> rounds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int number = r.i32("round number");
            String proposer = r.string("proposer");
            List<PlanRow> plan = r.bool("proposed") ? ProposeArgs.readPlan(r) : null;
            int nv = Wire.count(r, "votes", Wire.MAX_VOTES);
            List<Vote> votes = new ArrayList<>(nv);
            for (int j = 0; j < nv; j++) {
                votes.add(new Vote(r.string("voter"), r.i64("vote ppm"), r.bool("accept")));
            }
            rounds.add(new Round(number, proposer, plan, votes,
                    enumOf(Round.Outcome.values(), r.u8("outcome"), "outcome")));
        }
        r.end();
        return new DemandState(demand, poster, at, status, committed, rounds);
    }

    private static <E> E enumOf(E[] values, int ordinal, String field) {
        if (ordinal >= values.length) {
            throw new IllegalArgumentException(field + ": unknown value " + ordinal);
        }
        return values[ordinal];
    }
}
