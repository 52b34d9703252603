package org.energychain.supervision.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.energychain.supervision.classify.DataClass;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail of one deletion (a {@link DestroyRequest} or a retention run): what range of which
 * plant (null: all plants) was deleted, why and when, how many readings went, and for each plant-day
 * that lost readings the period version and the day root that still proves it. Datasets deleted with
 * it are listed with their hashes. A later step anchors these records on chain.
 */
public record DestructionRecord(long id, String groupId, @Nullable String plantId, LocalDate from, LocalDate toExclusive,
                                String reason, Instant at, long readingsDeleted, List<DestroyedDay> days,
                                List<DestroyedDataset> datasets) {
    public DestructionRecord {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        days = List.copyOf(days);
        datasets = List.copyOf(datasets);
    }

    /** A plant-day whose readings were deleted, with the root that was anchored for it. */
    public record DestroyedDay(PeriodKey period, String plantId, LocalDate day, long readingsDeleted, byte[] dayRoot) {
        public DestroyedDay {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(plantId, "plantId");
            Objects.requireNonNull(day, "day");
            dayRoot = Bytes.copy(dayRoot, "dayRoot");
        }

        @Override
        public byte[] dayRoot() {
            return dayRoot.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DestroyedDay d && period.equals(d.period) && plantId.equals(d.plantId)
                    && day.equals(d.day) && readingsDeleted == d.readingsDeleted && Arrays.equals(dayRoot, d.dayRoot);
        }

        @Override
        public int hashCode() {
            return Objects.hash(period, plantId, day, readingsDeleted, Arrays.hashCode(dayRoot));
        }

        @Override
        public String toString() {
            return "DestroyedDay[" + period + " " + plantId + " " + day + " readings=" + readingsDeleted
                    + " root=" + Bytes.hex(dayRoot) + "]";
        }
    }

    /** A dataset deleted by a destruction, with the hash that was listed or anchored for it. */
    public record DestroyedDataset(PeriodKey period, String datasetId, DataClass cls, byte[] hash) {
        public DestroyedDataset {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(datasetId, "datasetId");
            Objects.requireNonNull(cls, "cls");
            hash = Bytes.copy(hash, "hash");
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DestroyedDataset d && period.equals(d.period) && datasetId.equals(d.datasetId)
                    && cls == d.cls && Arrays.equals(hash, d.hash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(period, datasetId, cls, Arrays.hashCode(hash));
        }

        @Override
        public String toString() {
            return "DestroyedDataset[" + period + " " + datasetId + " " + cls + " hash=" + Bytes.hex(hash) + "]";
        }
    }
}
