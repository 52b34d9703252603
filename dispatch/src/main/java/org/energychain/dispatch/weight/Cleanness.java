package org.energychain.dispatch.weight;

/**
 * Cleanness R in parts per million: {@code R = 1e6 * (1 - ef / EF_REF)} with {@code EF_REF} = 1000
 * gCO2-eq/kWh (above the dirtiest technology, so every source keeps a positive R), rounded down. Wind
 * onshore gets 989,000, coal 180,000.
 */
public final class Cleanness {
    public static final long REFERENCE_GRAMS_PER_KWH = 1000;

    private Cleanness() {
    }

    public static long ppm(Technology t) {
        return ppmOf(t.gramsPerKwh());
    }

    public static long ppmOf(long gramsPerKwh) {
        if (gramsPerKwh < 0 || gramsPerKwh >= REFERENCE_GRAMS_PER_KWH) {
            throw new IllegalArgumentException("emission factor " + gramsPerKwh + " g/kWh outside [0, "
                    + REFERENCE_GRAMS_PER_KWH + ")");
        }
        return (REFERENCE_GRAMS_PER_KWH - gramsPerKwh) * 1_000_000 / REFERENCE_GRAMS_PER_KWH;
    }
}
