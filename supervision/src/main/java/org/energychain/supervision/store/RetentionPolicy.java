package org.energychain.supervision.store;

import java.time.Period;
import java.util.Objects;

/**
 * How long raw readings are kept. Readings of days before {@code today(UTC) - keepReadingsFor} are
 * deleted by {@link OffChainStore#applyRetention}; day, plant and period records (the roots) and
 * datasets are kept, so what was anchored stays provable.
 */
public record RetentionPolicy(Period keepReadingsFor) {
    public RetentionPolicy {
        Objects.requireNonNull(keepReadingsFor, "keepReadingsFor");
        if (keepReadingsFor.isNegative() || keepReadingsFor.isZero()) {
            throw new IllegalArgumentException("retention period must be positive, got " + keepReadingsFor);
        }
    }
}
