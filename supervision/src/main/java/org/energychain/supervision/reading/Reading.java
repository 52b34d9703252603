package org.energychain.supervision.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One measured value of one plant at one instant, in the measurement's canonical unit. The key
 * (plant, timestamp, measurement) is unique within a period; readings of a plant-day are hashed in
 * {@link #CANONICAL_ORDER}.
 */
public record Reading(String plantId, Instant timestamp, Measurement measurement, BigDecimal value) {
    /** Canonical order within a plant-day: by timestamp, then by measurement code. */
    public static final Comparator<Reading> CANONICAL_ORDER = Comparator.comparing(Reading::timestamp)
            .thenComparing(r -> r.measurement().code());

    public Reading {
        Objects.requireNonNull(plantId, "plantId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(value, "value");
        if (timestamp.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("timestamp " + timestamp + " has sub-millisecond precision");
        }
    }

    /** The canonical unit of the value. */
    public String unit() {
        return measurement.unit();
    }
}
