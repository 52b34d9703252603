package org.energychain.trading.market;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * One page of the {@code trades} query: how many trades the index holds, where this page starts, and
 * the trades in full. {@code from + trades.size() < total} means there is more.
 *
 * <p>Encoding: tag {@code EC/market-trade-page/v1}, i64 total, i64 from, i32 n, n &times; bytes trade
 * (each a {@link TradeState} encoding).
 */
public record TradePage(long total, long from, List<TradeState> trades) {
    public static final String TAG = "EC/market-trade-page/v1";

    public TradePage {
        trades = List.copyOf(trades);
    }

    public boolean hasMore() {
        return from + trades.size() < total;
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(1024).tag(TAG).i64(total).i64(from).i32(trades.size());
        trades.forEach(t -> w.bytes(t.encode()));
        return w.toByteArray();
    }

    public static TradePage decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        long total = r.i64("total");
        long from = r.i64("from");
        int n = r.i32("trade count");
        if (n < 0 || n > TradesQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("trade count must be 0.." + TradesQuery.MAX_LIMIT + ", got " + n);
        }
        List<TradeState> trades = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trades.add(TradeState.decode(r.bytes("trade[" + i + "]")));
        }
        r.end();
        return new TradePage(total, from, trades);
    }
}
