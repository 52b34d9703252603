package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.trading.catalog.Listing;

/**
 * {@code purchase} (BUYER, GRID or GROUP): buy the listing {@code listingId} as the buyer saw it at
 * {@code listingVersion}, paying at most {@code maxPrice}. Price, seller and content root are taken from
 * the catalogue's record, never from these arguments; the version and maximum only protect the buyer
 * against a listing changed between browsing and buying.
 *
 * <p>Encoding: tag {@code EC/market-purchase/v1}, string listingId, i32 listingVersion (&ge; 1), i64
 * maxPrice (&ge; 0).
 */
public record PurchaseArgs(String listingId, int listingVersion, long maxPrice) {
    public static final String TAG = "EC/market-purchase/v1";

    public PurchaseArgs {
        Wire.match(listingId, Listing.ID, "listingId", "1-160 characters of A-Z a-z 0-9 . _ : / -");
        if (listingVersion < 1) {
            throw new IllegalArgumentException("listingVersion must be 1 or more, got " + listingVersion);
        }
        if (maxPrice < 0) {
            throw new IllegalArgumentException("maxPrice must be zero or more, got " + maxPrice);
        }
    }

    public byte[] encode() {
        return new CanonicalWriter(64).tag(TAG).string(listingId).i32(listingVersion).i64(maxPrice).toByteArray();
    }

    public static PurchaseArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        PurchaseArgs a = new PurchaseArgs(r.string("listingId"), r.i32("listingVersion"), r.i64("maxPrice"));
        r.end();
        return a;
    }
}
