package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * {@code withdraw} (the holder, any member): burn {@code amount} of the sender's balance; the platform
 * pays it out off chain under {@code reference}, which the sender uses once only.
 *
 * <p>Encoding: tag {@code EC/market-withdraw/v1}, i64 amount (&gt; 0), string reference.
 */
public record WithdrawArgs(long amount, String reference) {
    public static final String TAG = "EC/market-withdraw/v1";

    public WithdrawArgs {
        Wire.positive(amount, "amount");
        Wire.reference(reference);
    }

    public byte[] encode() {
        return new CanonicalWriter(48).tag(TAG).i64(amount).string(reference).toByteArray();
    }

    public static WithdrawArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        WithdrawArgs a = new WithdrawArgs(r.i64("amount"), r.string("reference"));
        r.end();
        return a;
    }
}
