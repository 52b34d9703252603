package org.energychain.supervision.reading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A plant of an energy group: its id (unique in the group, the order of the group tree), technology,
 * region and installed capacity in kW.
 */
public record Plant(String id, PlantType type, String region, BigDecimal capacityKw) {
    public Plant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(capacityKw, "capacityKw");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("plant id '" + id + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        if (capacityKw.signum() <= 0) {
            throw new IllegalArgumentException("plant " + id + ": capacity must be positive, got " + capacityKw);
        }
    }
}
