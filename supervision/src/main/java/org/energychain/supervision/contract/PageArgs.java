package org.energychain.supervision.contract;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The arguments of a paged list query ({@code anchors}, {@code filings}, {@code destructions}): a group,
 * the 0-based position of the first entry in the group's record order (the order they were committed),
 * and at most {@link #MAX_LIMIT} entries. Records are append-only, so positions are stable across calls.
 *
 * <p>Encoding: tag {@code EC/page-args/v1}, string group, i64 from (&ge; 0), i32 limit (1..{@value #MAX_LIMIT}).
 */
public record PageArgs(String groupId, long from, int limit) {
    public static final String TAG = "EC/page-args/v1";
    public static final int MAX_LIMIT = 100;

    public PageArgs {
        Codec.id(groupId, "group");
        if (from < 0) {
            throw new IllegalArgumentException("from must be >= 0, got " + from);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static PageArgs first(String groupId) {
        return new PageArgs(groupId, 0, MAX_LIMIT);
    }

    public byte[] encode() {
        return new CanonicalWriter(48).tag(TAG).string(groupId).i64(from).i32(limit).toByteArray();
    }

    public static PageArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        PageArgs a = new PageArgs(r.string("group"), r.i64("from"), r.i32("limit"));
        r.end();
        return a;
    }
}
