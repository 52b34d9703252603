package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Everything about a demand, as the {@code demand} query answers it: the posted demand, the record, the
 * participants with their weights and factors (id order), and per round its plan (null if none) and votes
 * (voter order). Encoding: tag {@code EC/nego/demand/v3}, the {@link PostDemandArgs} fields, the
 * {@link DemandRecord} fields (same demand id), i32 p then p participants
 * ({@link Participant} fields), then for each of the record's rounds: bool proposed, [i32 r rows as in
 * {@link ProposeArgs}, i32 n then n x i64 price], i32 v then v votes ({@link Vote} fields).
 */
public record DemandState(PostDemandArgs demand, DemandRecord record, List<Participant> participants,
        List<ProposeArgs> plans, List<List<Vote>> votes) {
    public static final String TAG = "EC/nego/demand/v3";

    public DemandState {
        if (!demand.demandId().equals(record.demandId())) {
            throw new IllegalArgumentException("record of demand " + record.demandId() + " with the arguments of "
                    + demand.demandId());
        }
        participants = List.copyOf(participants);
        plans = java.util.Collections.unmodifiableList(new ArrayList<>(plans));
        votes = votes.stream().map(List::copyOf).toList();
        if (plans.size() != record.rounds().size() || votes.size() != record.rounds().size()) {
            throw new IllegalArgumentException("one plan slot and one vote list per round");
        }
    }

    public DemandRecord.Status status() {
        return record.status();
    }

    public Round current() {
        return record.current();
    }

    public List<Round> rounds() {
        return record.rounds();
    }

    /** The plan of round {@code number} (from 1), or null. */
    public ProposeArgs plan(int number) {
        return plans.get(number - 1);
    }

    public List<Vote> votes(int number) {
        return votes.get(number - 1);
    }

    /** The committed plan, or null. */
    public ProposeArgs committedPlan() {
        return record.committedRound() == 0 ? null : plan(record.committedRound());
    }

    /** The weight of a source in ppm, or -1 if it is not a participant. */
    public long weightOf(String sourceId) {
        return participants.stream().filter(p -> p.sourceId().equals(sourceId)).mapToLong(Participant::ppm)
                .findFirst().orElse(-1);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG);
        demand.write(w);
        record.write(w);
        w.i32(participants.size());
        participants.forEach(p -> p.write(w));
        for (int i = 0; i < plans.size(); i++) {
            ProposeArgs p = plans.get(i);
            w.bool(p != null);
            if (p != null) {
                ProposeArgs.writePlan(w, p.plan());
                Wire.writeKw(w, p.pricesMilli());
            }
            w.i32(votes.get(i).size());
            votes.get(i).forEach(v -> v.write(w));
        }
        return w.toByteArray();
    }

    public static DemandState decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        PostDemandArgs demand = PostDemandArgs.read(r);
        DemandRecord rec = DemandRecord.read(r);
        int n = Wire.count(r, "participants", Wire.MAX_SOURCES);
        List<Participant> ps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ps.add(Participant.read(r));
        }
        List<ProposeArgs> plans = new ArrayList<>();
        List<List<Vote>> votes = new ArrayList<>();
        for (Round round : rec.rounds()) {
            plans.add(r.bool("proposed") ? new ProposeArgs(rec.demandId(), round.number(),
                    ProposeArgs.readPlan(r), Wire.readKw(r, "prices")) : null);
            int nv = Wire.count(r, "votes", Wire.MAX_SOURCES);
            List<Vote> vs = new ArrayList<>(nv);
            for (int j = 0; j < nv; j++) {
                vs.add(Vote.read(r));
            }
            votes.add(vs);
        }
        r.end();
        return new DemandState(demand, rec, ps, plans, votes);
    }
}
