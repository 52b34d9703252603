package org.energychain.supervision.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Names one stored import: a group's period [start, endExclusive) and its version. Re-importing the
 * same period (a correction or late data) creates the next version; versions are never edited.
 */
public record PeriodKey(String groupId, LocalDate start, LocalDate endExclusive, int version) {
    public PeriodKey {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (!start.isBefore(endExclusive)) {
            throw new IllegalArgumentException("period start " + start + " must be before its end " + endExclusive);
        }
        if (version < 1) {
            throw new IllegalArgumentException("period version must be >= 1, got " + version);
        }
    }

    /** Whether {@code day} lies in [start, endExclusive). */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(endExclusive);
    }

    @Override
    public String toString() {
        return groupId + "[" + start + ".." + endExclusive + ")v" + version;
    }
}
