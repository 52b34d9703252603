package org.energychain.supervision.tree;

import java.time.LocalDate;
import java.util.Arrays;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The leaf of a plant's period tree: a plant-day's daily root bound to its group, plant, date and
 * reading count, so that the root cannot be replayed as another plant's or another day's.
 *
 * <p>Encoding: tag {@code EC/day/v1}, string hash, string group, string plant, date day, i32 reading
 * count, fixed(digest length) daily root.
 */
public record DayLeaf(String hash, String groupId, String plantId, LocalDate day, int readingCount, byte[] root) {
    public static final String TAG = "EC/day/v1";

    public DayLeaf {
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public byte[] encode() {
        return new CanonicalWriter(128).tag(TAG).string(hash).string(groupId).string(plantId).date(day)
                .i32(readingCount).fixed(root).toByteArray();
    }

    public static DayLeaf decode(byte[] bytes, int digestLength) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        DayLeaf leaf = new DayLeaf(r.string("hash"), r.string("group"), r.string("plant"), r.date("day"),
                r.i32("reading count"), r.fixed(digestLength, "daily root"));
        r.end();
        return leaf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayLeaf other && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "DayLeaf[" + plantId + " " + day + " n=" + readingCount + " root=" + Hex.encode(root) + "]";
    }
}
