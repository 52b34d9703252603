package org.energychain.trading.market;

import java.time.Instant;
import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.TxContext;

/**
 * One step of a trade as the chain recorded it: who sent it, in which transaction, at which height and
 * block time. Kept for every step so the trade history is traceable to its transactions.
 *
 * <p>Encoding (inside a trade): string sender, string txId (hex), i64 height, instant time.
 */
public record Step(String sender, String txId, long height, Instant time) {
    public Step {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(time, "time");
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1, got " + height);
        }
    }

    static Step of(TxContext ctx) {
        return new Step(ctx.sender(), ctx.txId(), ctx.blockHeight(), ctx.blockTime());
    }

    void writeTo(CanonicalWriter w) {
        w.string(sender).string(txId).i64(height).instant(time);
    }

    static Step readFrom(CanonicalReader r, String what) {
        return new Step(r.string(what + " sender"), r.string(what + " txId"), r.i64(what + " height"),
                r.instant(what + " time"));
    }
}
