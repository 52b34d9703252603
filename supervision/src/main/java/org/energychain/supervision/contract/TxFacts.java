package org.energychain.supervision.contract;

import java.time.Instant;
import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.TxContext;

/**
 * Who recorded something on chain, in which transaction, at which height and block time. Contracts
 * store it beside every record so that an auditor sees when and by whom, without trusting any time
 * the caller wrote into the arguments.
 *
 * <p>Encoding (inside other records): string sender, string txId (hex), i64 height, instant blockTime.
 */
public record TxFacts(String sender, String txId, long height, Instant time) {
    public TxFacts {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(time, "time");
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1, got " + height);
        }
    }

    static TxFacts of(TxContext ctx) {
        return new TxFacts(ctx.sender(), ctx.txId(), ctx.blockHeight(), ctx.blockTime());
    }

    void write(CanonicalWriter w) {
        w.string(sender).string(txId).i64(height).instant(time);
    }

    static TxFacts read(CanonicalReader r, String what) {
        return new TxFacts(r.string(what + " sender"), r.string(what + " tx id"), r.i64(what + " height"),
                r.instant(what + " block time"));
    }
}
