package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The argument of the steps that need nothing but the trade: {@code confirm-receipt}, {@code accept},
 * {@code settle} and the {@code trade} query.
 *
 * <p>Encoding: tag {@code EC/market-trade-ref/v1}, string tradeId.
 */
public record TradeRef(String tradeId) {
    public static final String TAG = "EC/market-trade-ref/v1";

    public TradeRef {
        Wire.tradeId(tradeId);
    }

    public byte[] encode() {
        return new CanonicalWriter(96).tag(TAG).string(tradeId).toByteArray();
    }

    public static TradeRef decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        TradeRef a = new TradeRef(r.string("tradeId"));
        r.end();
        return a;
    }
}
