package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A demand id, as the argument of the {@code demand} query and the data of the events. Encoding: tag
 * {@code EC/nego/demand-ref/v1}, string demandId, i32 round (0 in queries).
 */
public record DemandRef(String demandId, int round) {
    public static final String TAG = "EC/nego/demand-ref/v1";

    public DemandRef {
        Wire.id(demandId, "demand id");
    }

    public static DemandRef of(String demandId) {
        return new DemandRef(demandId, 0);
    }

    public byte[] encode() {
        return CanonicalWriter.tagged(TAG).string(demandId).i32(round).toByteArray();
    }

    public static DemandRef decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        DemandRef d = new DemandRef(r.string("demand id"), r.i32("round"));
        r.end();
        return d;
    }
}
