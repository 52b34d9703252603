package org.energychain.trading.catalog;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A listing as the catalogue contract keeps it in state (key {@code listing/<id>}) and announces it in
 * its events: the seller (the signer who published it), a version that grows with every update, whether
 * it is still offered, and the transaction and block height of its latest change, so anyone can check a
 * directory entry against the transaction that made it. The market contract reads these records to price
 * and verify a purchase.
 *
 * <p>Encoding: tag {@code EC/listing-record/v1}, string seller, i32 version, u8 status (0 active,
 * 1 withdrawn), string txId (hex), i64 height, then the {@link Listing} encoding with its tag.
 */
public record ListingRecord(String seller, int version, Status status, String txId, long height, Listing listing) {
    public static final String TAG = "EC/listing-record/v1";

    /** Whether the summary is offered. */
    public enum Status { ACTIVE, WITHDRAWN }

    public ListingRecord {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(listing, "listing");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
    }

    /** The state key of a listing in the catalogue contract's namespace. */
    public static String key(String listingId) {
        return "listing/" + listingId;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(512).tag(TAG).string(seller).i32(version).u8(status.ordinal())
                .string(txId).i64(height);
        return listing.encodeInto(w).toByteArray();
    }

    public static ListingRecord decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        String seller = r.string("seller");
        int version = r.i32("version");
        int s = r.u8("status");
        if (s >= Status.values().length) {
            throw new IllegalArgumentException("unknown listing status " + s);
        }
        String txId = r.string("txId");
        long height = r.i64("height");
        r.expectTag(Listing.TAG);
        Listing l = Listing.readFrom(r);
        r.end();
        return new ListingRecord(seller, version, Status.values()[s], txId, height, l);
    }
}
