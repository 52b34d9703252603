package org.energychain.trading.market;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.trading.catalog.Listing;

/**
 * The {@code trades} query: the trades of one buyer, one seller or one listing, in the order they were
 * bought, {@code limit} (1..{@value #MAX_LIMIT}) of them from position {@code from}. Lists are
 * append-only, so positions are stable between calls.
 *
 * <p>Encoding: tag {@code EC/market-trades-query/v1}, u8 by (0 buyer, 1 seller, 2 listing), string id,
 * i64 from (&ge; 0), i32 limit.
 */
public record TradesQuery(By by, String id, long from, int limit) {
    public static final String TAG = "EC/market-trades-query/v1";
    public static final int MAX_LIMIT = 100;

    /** Which index to list. */
    public enum By { BUYER, SELLER, LISTING }

    public TradesQuery {
        Objects.requireNonNull(by, "by");
        if (by == By.LISTING) {
            Wire.match(id, Listing.ID, "listing id", "1-160 characters of A-Z a-z 0-9 . _ : / -");
        } else {
            Wire.member(id, by.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (from < 0) {
            throw new IllegalArgumentException("from must be >= 0, got " + from);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static TradesQuery first(By by, String id) {
        return new TradesQuery(by, id, 0, MAX_LIMIT);
    }

    public byte[] encode() {
        return new CanonicalWriter(96).tag(TAG).u8(by.ordinal()).string(id).i64(from).i32(limit).toByteArray();
    }

    public static TradesQuery decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        int b = r.u8("by");
        if (b >= By.values().length) {
            throw new IllegalArgumentException("by: unknown index " + b + " (0 buyer, 1 seller, 2 listing)");
        }
        TradesQuery q = new TradesQuery(By.values()[b], r.string("id"), r.i64("from"), r.i32("limit"));
        r.end();
        return q;
    }
}
