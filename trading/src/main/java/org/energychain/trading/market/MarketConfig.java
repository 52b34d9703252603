package org.energychain.trading.market;

import java.time.Duration;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The step durations of a trade, chain configuration set by the platform ({@code configure}) and copied
 * into each trade when it is bought, so that a later change never moves an open trade's deadlines.
 * Each deadline runs from the block time of the step before it.
 *
 * <p>Encoding: tag {@code EC/market-config/v1}, i64 deliverSeconds, i64 receiptSeconds, i64
 * revealSeconds, i64 disputeSeconds (each 1..{@value #MAX_SECONDS}).
 */
public record MarketConfig(Duration deliver, Duration receipt, Duration reveal, Duration dispute) {
    public static final String TAG = "EC/market-config/v1";
    /** One year. */
    public static final long MAX_SECONDS = 366L * 24 * 3600;
    /** Deliver 24 h, confirm receipt 24 h, reveal 24 h, dispute 72 h. */
    public static final MarketConfig DEFAULT = new MarketConfig(Duration.ofHours(24), Duration.ofHours(24),
            Duration.ofHours(24), Duration.ofHours(72));

    public MarketConfig {
        check(deliver, "deliver");
        check(receipt, "receipt");
        check(reveal, "reveal");
        check(dispute, "dispute");
    }

    private static void check(Duration d, String field) {
        if (d == null || d.getNano() != 0 || d.getSeconds() < 1 || d.getSeconds() > MAX_SECONDS) {
            throw new IllegalArgumentException(field + " duration '" + d + "' is invalid: expected whole seconds, 1.."
                    + MAX_SECONDS);
        }
    }

    void writeTo(CanonicalWriter w) {
        w.i64(deliver.getSeconds()).i64(receipt.getSeconds()).i64(reveal.getSeconds()).i64(dispute.getSeconds());
    }

    static MarketConfig readFrom(CanonicalReader r) {
        return new MarketConfig(Duration.ofSeconds(r.i64("deliverSeconds")), Duration.ofSeconds(r.i64("receiptSeconds")),
                Duration.ofSeconds(r.i64("revealSeconds")), Duration.ofSeconds(r.i64("disputeSeconds")));
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(64).tag(TAG);
        writeTo(w);
        return w.toByteArray();
    }

    public static MarketConfig decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        MarketConfig c = readFrom(r);
        r.end();
        return c;
    }
}
