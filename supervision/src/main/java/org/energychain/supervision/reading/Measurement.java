package org.energychain.supervision.reading;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a reading measures, with the canonical unit every value is stored and hashed in. Imports
 * convert from the units SCADA exports use ({@link #toCanonical}); a unit that does not fit the
 * measurement is refused, never guessed.
 */
public enum Measurement {
    ACTIVE_POWER("active_power", "kW", Map.of("W", "0.001", "kW", "1", "MW", "1000", "GW", "1000000")),
    REACTIVE_POWER("reactive_power", "kvar", Map.of("var", "0.001", "kvar", "1", "Mvar", "1000")),
    VOLTAGE("voltage", "kV", Map.of("V", "0.001", "kV", "1")),
    FREQUENCY("frequency", "Hz", Map.of("Hz", "1", "mHz", "0.001")),
    ENERGY("energy", "kWh", Map.of("Wh", "0.001", "kWh", "1", "MWh", "1000", "GWh", "1000000")),
    FUEL_CONSUMPTION("fuel_consumption", "kg", Map.of("g", "0.001", "kg", "1", "t", "1000")),
    WIND_SPEED("wind_speed", "m/s", Map.of("m/s", "1", "km/h", "0.2777777777777777777777777777777778")),
    IRRADIANCE("irradiance", "W/m2", Map.of("W/m2", "1", "kW/m2", "1000")),
    WATER_FLOW("water_flow", "m3/s", Map.of("m3/s", "1")),
    TEMPERATURE("temperature", "degC", Map.of("degC", "1"));

    private static final Map<String, Measurement> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Measurement::code, m -> m));

    private final String code;
    private final String unit;
    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable map (Collectors.toUnmodifiableMap)
    private final Map<String, BigDecimal> factors;

    Measurement(String code, String unit, Map<String, String> factors) {
        this.code = code;
        this.unit = unit;
        this.factors = factors.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new BigDecimal(e.getValue())));
    }

    /** The stable code used in files, encodings and the database, e.g. {@code active_power}. */
    public String code() {
        return code;
    }

    /** The canonical unit values are stored and hashed in. */
    public String unit() {
        return unit;
    }

    /** Whether values in {@code unit} can be converted to this measurement's canonical unit. */
    public boolean accepts(String unit) {
        return factors.containsKey(unit);
    }

    /** The units this measurement accepts. */
    public java.util.Set<String> units() {
        return factors.keySet();
    }

    /**
     * Converts {@code value} in {@code fromUnit} to the canonical unit; km/h is the one non-decimal
     * factor and is rounded to 6 decimals.
     */
    public BigDecimal toCanonical(BigDecimal value, String fromUnit) {
        BigDecimal f = factors.get(fromUnit);
        if (f == null) {
            throw new IllegalArgumentException("unit '" + fromUnit + "' does not fit " + code
                    + " (accepted: " + String.join(", ", new java.util.TreeSet<>(factors.keySet())) + ")");
        }
        if (f.compareTo(BigDecimal.ONE) == 0) {
            return value;
        }
        BigDecimal r = value.multiply(f);
        return r.scale() > 9 ? r.setScale(6, java.math.RoundingMode.HALF_EVEN) : r;
    }

    /** Looks a measurement up by its code (or enum name), case-insensitively. */
    public static Measurement byCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        Measurement m = BY_CODE.get(c);
        if (m == null) {
            throw new IllegalArgumentException("unknown measurement '" + code + "' (known: "
                    + Arrays.stream(values()).map(Measurement::code).collect(Collectors.joining(", ")) + ")");
        }
        return m;
    }
}
