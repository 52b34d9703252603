package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The answer of the {@code supply} query: money the platform brought in minus money paid out
 * ({@code supply}), the part of it held in open trades' escrow, and how many trades are open. The
 * contract keeps {@code sum(balances) + escrow == supply} after every transaction.
 *
 * <p>Encoding: tag {@code EC/market-totals/v1}, i64 supply, i64 escrow, i64 openTrades.
 */
public record MarketTotals(long supply, long escrow, long openTrades) {
    public static final String TAG = "EC/market-totals/v1";

    public byte[] encode() {
        return new CanonicalWriter(48).tag(TAG).i64(supply).i64(escrow).i64(openTrades).toByteArray();
    }

    public static MarketTotals decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        MarketTotals t = new MarketTotals(r.i64("supply"), r.i64("escrow"), r.i64("openTrades"));
        r.end();
        return t;
    }
}
