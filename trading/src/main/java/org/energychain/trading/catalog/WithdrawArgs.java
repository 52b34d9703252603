package org.energychain.trading.catalog;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The argument of {@code withdraw}: which listing the seller stops offering.
 *
 * <p>Encoding: tag {@code EC/listing-withdraw/v1}, string id.
 */
public record WithdrawArgs(String id) {
    public static final String TAG = "EC/listing-withdraw/v1";

    public WithdrawArgs {
        if (id == null || !Listing.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' is invalid: expected 1-160 characters of A-Z a-z 0-9 . _ : / -");
        }
    }

    public byte[] encode() {
        return new CanonicalWriter(64).tag(TAG).string(id).toByteArray();
    }

    public static WithdrawArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        WithdrawArgs a = new WithdrawArgs(r.string("id"));
        r.end();
        return a;
    }
}
