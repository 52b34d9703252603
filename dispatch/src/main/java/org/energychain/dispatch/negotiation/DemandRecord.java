package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The mutable part of a demand, kept under {@code demand/<id>}: poster, posting block time, status,
 * committed round, the round limit, round duration and balance tolerance fixed at posting, and the rounds
 * with their tallies. Every vote reads and rewrites it, so it holds nothing whose size grows with the
 * number of sources or intervals: the posted {@link PostDemandArgs} (profile, source list) are written once
 * under {@code demand-args/<id>}, participants, plans and votes under their own keys. At most
 * {@link Wire#MAX_ROUNDS} rounds, so a few hundred bytes.
 * Encoding: tag {@code EC/nego/demand-record/v2}, string demandId, string poster, i64 postedAtMillis, u8
 * status (0 OPEN, 1 COMMITTED, 2 FAILED), i32 committedRound (0 if none), i32 maxRounds, i64 roundMillis,
 * i64 tolerancePpm, i32 n then n rounds ({@link Round}).
 */
public record DemandRecord(String demandId, String poster, long postedAtMillis, Status status, int committedRound,
        int maxRounds, long roundMillis, long tolerancePpm, List<Round> rounds) {
    public static final String TAG = "EC/nego/demand-record/v2";

    public enum Status { OPEN, COMMITTED, FAILED }

    public DemandRecord {
        Wire.id(demandId, "demand id");
        Wire.id(poster, "poster");
        rounds = List.copyOf(rounds);
        Wire.checkCount(rounds.size(), "rounds", Wire.MAX_ROUNDS);
    }

    /** The last round (the open one while the demand is open). */
    public Round current() {
        return rounds.get(rounds.size() - 1);
    }

    DemandRecord with(Status s, int committed, List<Round> rs) {
        return new DemandRecord(demandId, poster, postedAtMillis, s, committed, maxRounds, roundMillis, tolerancePpm,
                rs);
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
        w.string(demandId).string(poster).i64(postedAtMillis).u8(status.ordinal()).i32(committedRound).i32(maxRounds)
                .i64(roundMillis).i64(tolerancePpm).i32(rounds.size());
        rounds.forEach(r -> r.write(w));
    }

    public static DemandRecord decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        DemandRecord d = read(r);
        r.end();
        return d;
    }

    static DemandRecord read(CanonicalReader r) {
        String id = r.string("demand id");
        String poster = r.string("poster");
        long at = r.i64("posted at");
        Status status = Wire.enumOf(Status.values(), r.u8("status"), "status");
        int committed = r.i32("committed round");
        int maxRounds = r.i32("max rounds");
        long roundMillis = r.i64("round millis");
        long tolerance = r.i64("tolerance ppm");
        int n = Wire.count(r, "rounds", Wire.MAX_ROUNDS);
        List<Round> rounds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rounds.add(Round.read(r));
        }
        return new DemandRecord(id, poster, at, status, committed, maxRounds, roundMillis, tolerance, rounds);
    }
}
