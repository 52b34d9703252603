package org.energychain.trading.catalog;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The argument of the {@code listings} query: a seller's listings in the order they were first
 * published, from position {@code from} (0-based), at most {@code limit}. Listings are never deleted
 * (a withdrawn one stays, marked), so positions are stable between calls.
 *
 * <p>Encoding: tag {@code EC/listings-query/v1}, string seller, i64 from (&ge; 0), i32 limit (1..{@value #MAX_LIMIT}).
 */
public record ListingsQuery(String seller, long from, int limit) {
    public static final String TAG = "EC/listings-query/v1";
    public static final int MAX_LIMIT = 100;

    public ListingsQuery {
        if (seller == null || !Listing.LEVEL.matcher(seller).matches()) {
            throw new IllegalArgumentException("seller '" + seller + "' is invalid: expected a member id");
        }
        if (from < 0) {
            throw new IllegalArgumentException("from must be >= 0, got " + from);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public byte[] encode() {
        return new CanonicalWriter(48).tag(TAG).string(seller).i64(from).i32(limit).toByteArray();
    }

    public static ListingsQuery decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        ListingsQuery q = new ListingsQuery(r.string("seller"), r.i64("from"), r.i32("limit"));
        r.end();
        return q;
    }
}
