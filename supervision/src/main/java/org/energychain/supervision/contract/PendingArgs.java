package org.energychain.supervision.contract;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The arguments of the regulator's {@code pending} query: the first {@code limit} unacknowledged
 * filings (in group, period, version order), of one group or of all groups ({@code groupId} empty).
 * Pending filings are a work queue: acknowledging one removes it, so no offset is needed.
 *
 * <p>Encoding: tag {@code EC/pending-args/v1}, string group (empty = all), i32 limit (1..{@value PageArgs#MAX_LIMIT}).
 */
public record PendingArgs(String groupId, int limit) {
    public static final String TAG = "EC/pending-args/v1";

    public PendingArgs {
        Objects.requireNonNull(groupId, "group");
        if (!groupId.isEmpty()) {
            Codec.id(groupId, "group");
        }
        if (limit < 1 || limit > PageArgs.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + PageArgs.MAX_LIMIT + ", got " + limit);
        }
    }

    public static PendingArgs all() {
        return new PendingArgs("", PageArgs.MAX_LIMIT);
    }

    public byte[] encode() {
        return new CanonicalWriter(48).tag(TAG).string(groupId).i32(limit).toByteArray();
    }

    public static PendingArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        PendingArgs a = new PendingArgs(r.string("group"), r.i32("limit"));
        r.end();
        return a;
    }
}
