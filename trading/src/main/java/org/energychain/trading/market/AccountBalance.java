package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * An account's balance in minor units: the argument of the {@code balance} query (balance ignored, write
 * 0) and its answer.
 *
 * <p>Encoding: tag {@code EC/market-balance/v1}, string account, i64 balance.
 */
public record AccountBalance(String account, long balance) {
    public static final String TAG = "EC/market-balance/v1";

    public AccountBalance {
        Wire.member(account, "account");
        if (balance < 0) {
            throw new IllegalArgumentException("balance must be zero or more, got " + balance);
        }
    }

    /** The query argument for {@code account}. */
    public static AccountBalance of(String account) {
        return new AccountBalance(account, 0);
    }

    public byte[] encode() {
        return new CanonicalWriter(64).tag(TAG).string(account).i64(balance).toByteArray();
    }

    public static AccountBalance decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        AccountBalance a = new AccountBalance(r.string("account"), r.i64("balance"));
        r.end();
        return a;
    }
}
