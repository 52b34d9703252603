package org.energychain.supervision.tree;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.energychain.crypto.HashFunction;

/**
 * What every leaf of one group-period binds: the hash function, the group and the period
 * ({@code start} inclusive, {@code end} exclusive, whole UTC days).
 */
public record TreeContext(HashFunction hash, String groupId, LocalDate start, LocalDate end) {
    public TreeContext {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(groupId, "groupId");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end " + end + " must be after its start " + start);
        }
    }

    /** Number of days in the period. */
    public int dayCount() {
        return Math.toIntExact(ChronoUnit.DAYS.between(start, end));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }
}
