package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Arguments of {@code set-social} (GRID, the governance role of the dispatch chain): a source's
 * social-importance coefficient S in ppm. Encoding: tag {@code EC/nego/social/v1}, string sourceId, i64 ppm.
 */
public record SocialArgs(String sourceId, long ppm) {
    public static final String TAG = "EC/nego/social/v1";

    public SocialArgs {
        Wire.id(sourceId, "source id");
        if (ppm < 0 || ppm > 1_000_000) {
            throw new IllegalArgumentException("social coefficient of " + sourceId + " must be 0..1,000,000 ppm, got "
                    + ppm);
        }
    }

    public byte[] encode() {
        return CanonicalWriter.tagged(TAG).string(sourceId).i64(ppm).toByteArray();
    }

    public static SocialArgs decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        SocialArgs a = new SocialArgs(r.string("source id"), r.i64("ppm"));
        r.end();
        return a;
    }
}
