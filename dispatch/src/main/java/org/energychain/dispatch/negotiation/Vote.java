package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A source's vote in a round, with the weight it carried. Stored under {@code vote/<demand>/<round>/<voter>};
 * encoding: tag {@code EC/nego/vote-record/v1}, string voter, i64 ppm, bool accept, u8 reason.
 */
public record Vote(String voter, long ppm, boolean accept, RejectReason reason) {
    public static final String TAG = "EC/nego/vote-record/v1";

    public Vote {
        Wire.id(voter, "voter");
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG);
        write(w);
        return w.toByteArray();
    }

    void write(CanonicalWriter w) {
        w.string(voter).i64(ppm).bool(accept).u8(reason.ordinal());
    }

    public static Vote decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        Vote v = read(r);
        r.end();
        return v;
    }

    static Vote read(CanonicalReader r) {
        return new Vote(r.string("voter"), r.i64("vote ppm"), r.bool("accept"), RejectReason.of(r.u8("reason")));
    }
}
