package org.energychain.supervision.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A plant of a period: the number of days in its period tree, that tree's root (Hash^j) and the leaf
 * binding it into the group tree.
 */
public record PlantRecord(String plantId, int dayCount, byte[] root, byte[] leaf) {
    public PlantRecord {
        Objects.requireNonNull(plantId, "plantId");
        if (dayCount < 0) {
            throw new IllegalArgumentException("plant " + plantId + ": negative day count " + dayCount);
        }
        root = Bytes.copyNonEmpty(root, "plant root");
        leaf = Bytes.copyNonEmpty(leaf, "plant leaf");
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public byte[] leaf() {
        return leaf.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlantRecord p && plantId.equals(p.plantId) && dayCount == p.dayCount
                && Arrays.equals(root, p.root) && Arrays.equals(leaf, p.leaf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plantId, dayCount, Arrays.hashCode(root), Arrays.hashCode(leaf));
    }

    @Override
    public String toString() {
        return "PlantRecord[" + plantId + " days=" + dayCount + " root=" + Bytes.shortHex(root)
                + " leaf=" + Bytes.shortHex(leaf) + "]";
    }
}
