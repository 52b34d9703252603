package org.energychain.supervision.tree;

import java.time.LocalDate;
import java.util.Arrays;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The leaf of the group tree: a plant's period root {@code Hash^j} bound to its group, plant, period
 * and day count.
 *
 * <p>Encoding: tag {@code EC/plant/v1}, string hash, string group, string plant, date period start,
 * date period end (exclusive), i32 day count, fixed(digest length) period root.
 */
public record PlantLeaf(String hash, String groupId, String plantId, LocalDate periodStart, LocalDate periodEnd,
        int dayCount, byte[] root) {
    public static final String TAG = "EC/plant/v1";

    public PlantLeaf {
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public byte[] encode() {
        return new CanonicalWriter(128).tag(TAG).string(hash).string(groupId).string(plantId).date(periodStart)
                .date(periodEnd).i32(dayCount).fixed(root).toByteArray();
    }

    public static PlantLeaf decode(byte[] bytes, int digestLength) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        PlantLeaf leaf = new PlantLeaf(r.string("hash"), r.string("group"), r.string("plant"),
                r.date("period start"), r.date("period end"), r.i32("day count"), r.fixed(digestLength, "period root"));
        r.end();
        return leaf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlantLeaf other && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "PlantLeaf[" + plantId + " " + periodStart + ".." + periodEnd + " days=" + dayCount + " root="
                + Hex.encode(root) + "]";
    }
}
