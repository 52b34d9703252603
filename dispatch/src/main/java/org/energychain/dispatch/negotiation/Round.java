package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * One round of a demand as the demand record keeps it: proposer, when it opened and its deadline (block
 * time, ms), whether it has a plan, the tally so far and the outcome. The plan and the votes are stored
 * under their own keys. Encoding (inside {@link DemandRecord}): i32 number, string proposer, i64
 * openedAtMillis, i64 deadlineMillis, bool proposed, i64 acceptPpm, i64 rejectPpm, i32 votes, u8 outcome
 * (0 OPEN, 1 ACCEPTED, 2 REJECTED).
 */
public record Round(int number, String proposer, long openedAtMillis, long deadlineMillis, boolean proposed,
        long acceptPpm, long rejectPpm, int votes, Outcome outcome) {
    public enum Outcome { OPEN, ACCEPTED, REJECTED }

    public Round {
        Wire.id(proposer, "proposer");
    }

    public static Round open(int number, String proposer, long openedAt, long deadline) {
        return new Round(number, proposer, openedAt, deadline, false, 0, 0, 0, Outcome.OPEN);
    }

    Round withPlan() {
        return new Round(number, proposer, openedAtMillis, deadlineMillis, true, acceptPpm, rejectPpm, votes, outcome);
    }

    Round withVote(Vote v) {
        return new Round(number, proposer, openedAtMillis, deadlineMillis, proposed,
                acceptPpm + (v.accept() ? v.ppm() : 0), rejectPpm + (v.accept() ? 0 : v.ppm()), votes + 1, outcome);
    }

    Round withOutcome(Outcome o) {
        return new Round(number, proposer, openedAtMillis, deadlineMillis, proposed, acceptPpm, rejectPpm, votes, o);
    }

    void write(CanonicalWriter w) {
        w.i32(number).string(proposer).i64(openedAtMillis).i64(deadlineMillis).bool(proposed).i64(acceptPpm)
                .i64(rejectPpm).i32(votes).u8(outcome.ordinal());
    }

    static Round read(CanonicalReader r) {
        return new Round(r.i32("round number"), r.string("proposer"), r.i64("opened at"), r.i64("deadline"),
                r.bool("proposed"), r.i64("accept ppm"), r.i64("reject ppm"), r.i32("votes"),
                Wire.enumOf(Outcome.values(), r.u8("outcome"), "outcome"));
    }
}
