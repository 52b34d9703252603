package org.energychain.supervision.classify;

import java.util.Objects;
import java.util.Set;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.PlantType;

/**
 * One rule of a group's classification policy: for each plant of the given types (all when empty) and
 * each of the given measurements (all when empty), derive a dataset and put it in a class. Several
 * rules may use the same readings: raw power can be internal (D3) while its hourly profile is tradable
 * (D1) and its daily energy regulatory (D2).
 */
public record ClassificationRule(String name, DataClass dataClass, Set<Measurement> measurements,
        Set<PlantType> plantTypes, Derivation derivation, String dataType, String mathType) {
    public ClassificationRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataClass, "class");
        Objects.requireNonNull(derivation, "derive");
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("rule name '" + name + "' must be 1-64 characters of a-z 0-9 . _ -");
        }
        measurements = Set.copyOf(measurements);
        plantTypes = Set.copyOf(plantTypes);
        dataType = dataType == null || dataType.isBlank() ? name : dataType;
        mathType = mathType == null || mathType.isBlank() ? derivation.mathType() : mathType;
    }

    public boolean appliesTo(PlantType type, Measurement m) {
        return (plantTypes.isEmpty() || plantTypes.contains(type)) && (measurements.isEmpty() || measurements.contains(m));
    }
}
