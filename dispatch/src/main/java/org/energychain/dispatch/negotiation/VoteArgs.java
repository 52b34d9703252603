package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Arguments of {@code vote}: accept or not, and why not ({@link RejectReason}, NONE when accepting).
 * Encoding: tag {@code EC/nego/vote/v2}, string demandId, i32 round, bool accept, u8 reason.
 */
public record VoteArgs(String demandId, int round, boolean accept, RejectReason reason) {
    public static final String TAG = "EC/nego/vote/v2";

    public VoteArgs {
        Wire.id(demandId, "demand id");
        if (accept && reason != RejectReason.NONE) {
            throw new IllegalArgumentException("an accepting vote has no reason, got " + reason);
        }
    }

    public VoteArgs(String demandId, int round, boolean accept) {
        this(demandId, round, accept, accept ? RejectReason.NONE : RejectReason.OTHER);
    }

    public byte[] encode() {
        return CanonicalWriter.tagged(TAG).string(demandId).i32(round).bool(accept).u8(reason.ordinal()).toByteArray();
    }

    public static VoteArgs decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        VoteArgs a = new VoteArgs(r.string("demand id"), r.i32("round"), r.bool("accept"),
                RejectReason.of(r.u8("reason")));
        r.end();
        return a;
    }
}
