package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * {@code deposit} (PLATFORM): credit {@code amount} minor units to {@code account} for money the
 * settlement agent received off chain under {@code reference} (its payment reference). A reference is
 * credited once only, so a retried or replayed deposit cannot mint money twice.
 *
 * <p>Encoding: tag {@code EC/market-deposit/v1}, string account, i64 amount (&gt; 0), string reference.
 */
public record DepositArgs(String account, long amount, String reference) {
    public static final String TAG = "EC/market-deposit/v1";

    public DepositArgs {
        Wire.member(account, "account");
        Wire.positive(amount, "amount");
        Wire.reference(reference);
    }

    public byte[] encode() {
        return new CanonicalWriter(64).tag(TAG).string(account).i64(amount).string(reference).toByteArray();
    }

    public static DepositArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        DepositArgs a = new DepositArgs(r.string("account"), r.i64("amount"), r.string("reference"));
        r.end();
        return a;
    }
}
