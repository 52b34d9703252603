package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A source taking part in a demand, as the contract fixed it at post-demand time: its weight factors
 * from the chain (W energy assigned in committed plans of the last period T, in kW·min; R cleanness ppm
 * of its published technology; S social coefficient ppm set by governance; M its published price), the
 * resulting voting weight V (ppm) and the policy its plans are checked against. Stored under
 * {@code source/<demand>/<source>}; encoding: tag {@code EC/nego/participant/v1}, string sourceId,
 * i64 W, i64 R, i64 S, i64 M, i64 V, then the {@link SourcePolicy} fields (without its tag).
 */
public record Participant(String sourceId, long energyKwMin, long cleannessPpm, long socialPpm, long priceMilli,
        long ppm, SourcePolicy policy) {
    public static final String TAG = "EC/nego/participant/v1";

    public Participant {
        Wire.id(sourceId, "source id");
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG);
        write(w);
        return w.toByteArray();
    }

    void write(CanonicalWriter w) {
        w.string(sourceId).i64(energyKwMin).i64(cleannessPpm).i64(socialPpm).i64(priceMilli).i64(ppm);
        policy.write(w);
    }

    public static Participant decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        Participant p = read(r);
        r.end();
        return p;
    }

    static Participant read(CanonicalReader r) {
        return new Participant(r.string("source id"), r.i64("W"), r.i64("R"), r.i64("S"), r.i64("M"), r.i64("V"),
                SourcePolicy.read(r));
    }
}
