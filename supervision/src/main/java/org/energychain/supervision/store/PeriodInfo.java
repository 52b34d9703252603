package org.energychain.supervision.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A committed import: its key, crypto suite, group root Hash_G, secret salt key (never printed), when
 * it was created, how many plants it covers and how many readings it was imported with (readings
 * destroyed later are not subtracted here; see {@link OffChainStore#readingCount}).
 */
public record PeriodInfo(PeriodKey key, String suiteName, byte[] groupRoot, byte[] saltKey, Instant createdAt,
                         int plantCount, long importedReadingCount) {
    public PeriodInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(suiteName, "suiteName");
        groupRoot = Bytes.copyNonEmpty(groupRoot, "groupRoot");
        saltKey = Bytes.copy(saltKey, "saltKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public byte[] groupRoot() {
        return groupRoot.clone();
    }

    @Override
    public byte[] saltKey() {
        return saltKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodInfo p && key.equals(p.key) && suiteName.equals(p.suiteName)
                && Arrays.equals(groupRoot, p.groupRoot) && Arrays.equals(saltKey, p.saltKey)
                && createdAt.equals(p.createdAt) && plantCount == p.plantCount
                && importedReadingCount == p.importedReadingCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, suiteName, Arrays.hashCode(groupRoot), Arrays.hashCode(saltKey), createdAt,
                plantCount, importedReadingCount);
    }

    @Override
    public String toString() {
        return "PeriodInfo[" + key + " suite=" + suiteName + " groupRoot=" + Bytes.hex(groupRoot)
                + " saltKey=<secret> createdAt=" + createdAt + " plants=" + plantCount
                + " readings=" + importedReadingCount + "]";
    }
}
