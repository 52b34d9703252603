package org.energychain.supervision.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A plant-day of a period: how many readings it holds, the daily Merkle root over them and the leaf
 * that binds that root into the plant's period tree. Kept when the day's readings are destroyed, so
 * proofs for the rest of the period still verify.
 */
public record DayRecord(String plantId, LocalDate date, int readingCount, byte[] root, byte[] leaf) {
    public DayRecord {
        Objects.requireNonNull(plantId, "plantId");
        Objects.requireNonNull(date, "date");
        if (readingCount < 0) {
            throw new IllegalArgumentException("day " + plantId + " " + date + ": negative reading count " + readingCount);
        }
        root = Bytes.copyNonEmpty(root, "day root");
        leaf = Bytes.copyNonEmpty(leaf, "day leaf");
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
        return o instanceof DayRecord d && plantId.equals(d.plantId) && date.equals(d.date)
                && readingCount == d.readingCount && Arrays.equals(root, d.root) && Arrays.equals(leaf, d.leaf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plantId, date, readingCount, Arrays.hashCode(root), Arrays.hashCode(leaf));
    }

    @Override
    public String toString() {
        return "DayRecord[" + plantId + " " + date + " readings=" + readingCount + " root=" + Bytes.shortHex(root)
                + " leaf=" + Bytes.shortHex(leaf) + "]";
    }
}
