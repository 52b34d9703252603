package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * What the contract keeps of a demand under {@code demand/<id>}: the posted demand, poster, posting
 * block time, status, committed round, the round duration and balance tolerance fixed at posting, and the
 * rounds. Small on purpose: a vote rewrites it, while participants, plans and votes have their own keys.
 * Encoding: tag {@code EC/nego/demand-record/v1}, the {@link PostDemandArgs} fields, string poster, i64
 * postedAtMillis, u8 status (0 OPEN, 1 COMMITTED, 2 FAILED), i32 committedRound (0 if none), i64
 * roundMillis, i64 tolerancePpm, i32 n then n rounds ({@link Round}).
 */
public record DemandRecord(PostDemandArgs demand, String poster, long postedAtMillis, Status status,
        int committedRound, long roundMillis, long tolerancePpm, List<Round> rounds) {
    public static final String TAG = "EC/nego/demand-record/v1";

    public enum Status { OPEN, COMMITTED, FAILED }

    public DemandRecord {
        Wire.id(poster, "poster");
        rounds = List.copyOf(rounds);
        Wire.checkCount(rounds.size(), "rounds", Wire.MAX_ROUNDS);
    }

    /** The last round (the open one while the demand is open). */
    public Round current() {
        return rounds.get(rounds.size() - 1);
    }

    DemandRecord with(Status s, int committed, List<Round> rs) {
        return new DemandRecord(demand, poster, postedAtMillis, s, committed, roundMillis, tolerancePpm, rs);
    }

    DemandRecord replaceCurrent(Round r) {
        List<Round> rs = new ArrayList<>(rounds);
        rs.set(rs.size() - 1, r);
        return with(status, committedRound, rs);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG);
        write(w);
        return w.toByteArray();
    }

    void write(CanonicalWriter w) {
        demand.write(w);
        w.string(poster).i64(postedAtMillis).u8(status.ordinal()).i32(committedRound).i64(roundMillis)
                .i64(tolerancePpm).i32(rounds.size());
        rounds.forEach(r -> r.write(w));
    }

    public static DemandRecord decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        DemandRecord d = read(r);
        r.end();
        return d;
    }

    static DemandRecord read(CanonicalReader r) {
        PostDemandArgs demand = PostDemandArgs.read(r);
        String poster = r.string("poster");
        long at = r.i64("posted at");
        Status status = Wire.enumOf(Status.values(), r.u8("status"), "status");
        int committed = r.i32("committed round");
        long roundMillis = r.i64("round millis");
        long tolerance = r.i64("tolerance ppm");
        int n = Wire.count(r, "rounds", Wire.MAX_ROUNDS);
        List<Round> rounds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rounds.add(Round.read(r));
        }
        return new DemandRecord(demand, poster, at, status, committed, roundMillis, tolerance, rounds);
    }
}
