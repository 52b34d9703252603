package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/** Arguments of {@code vote}. Encoding: tag {@code EC/nego/vote/v1}, string demandId, i32 round, bool accept. */
public record VoteArgs(String demandId, int round, boolean accept) {
    public static final String TAG = "EC/nego/vote/v1";

    public VoteArgs {
        Wire.id(demandId, "demand id");
    }

    public byte[] encode() {
        return CanonicalWriter.tagged(TAG).string(demandId).i32(round).bool(accept).toByteArray();
    }

    public static VoteArgs decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        VoteArgs a = new VoteArgs(r.string("demand id"), r.i32("round"), r.bool("accept"));
        r.end();
        return a;
    }
}
