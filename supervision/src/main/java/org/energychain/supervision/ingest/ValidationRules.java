package org.energychain.supervision.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.PlantType;

/**
 * What {@link ReadingValidator} checks: the period (days {@code start} inclusive to {@code end}
 * exclusive, in {@code zone}), the resolution of the grid every timestamp must lie on, and which
 * measurements each plant type must deliver completely. Whatever measurement appears for a plant must be
 * complete as well; with an empty {@code expected} map that is the only completeness rule.
 */
public record ValidationRules(LocalDate start, LocalDate end, ZoneId zone, Duration resolution,
                              Map<PlantType, Set<Measurement>> expected) {
    /** Fifteen minutes, the resolution of plant readings. */
    public static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    public ValidationRules {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(resolution, "resolution");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end " + end + " must be after its start " + start);
        }
        if (resolution.isNegative() || resolution.isZero() || resolution.toMillis() == 0
                || Duration.ofDays(1).toMillis() % resolution.toMillis() != 0) {
            throw new IllegalArgumentException("resolution " + resolution + " must divide a day");
        }
        EnumMap<PlantType, Set<Measurement>> copy = new EnumMap<>(PlantType.class);
        expected.forEach((t, ms) -> copy.put(t, ms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ms))));
        expected = java.util.Collections.unmodifiableMap(copy);
    }

    /** UTC days, 15-minute resolution, whatever appears for a plant must be complete. */
    public static ValidationRules of(LocalDate start, LocalDate endExclusive) {
        return new ValidationRules(start, endExclusive, ZoneOffset.UTC, QUARTER_HOUR, Map.of());
    }

    public ValidationRules withExpected(Map<PlantType, Set<Measurement>> expectedByType) {
        return new ValidationRules(start, end, zone, resolution, expectedByType);
    }

    public ValidationRules withResolution(Duration r) {
        return new ValidationRules(start, end, zone, r, expected);
    }

    public Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant endInstant() {
        return end.atStartOfDay(zone).toInstant();
    }

    /** Intervals in the period (e.g. 96 per day at 15 minutes; DST days in a region zone differ). */
    public int slots() {
        long n = Duration.between(startInstant(), endInstant()).toMillis() / resolution.toMillis();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("period too long for resolution " + resolution);
        }
        return (int) n;
    }
}
