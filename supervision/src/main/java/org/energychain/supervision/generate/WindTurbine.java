package org.energychain.supervision.generate;

/**
 * A generic turbine power curve: nothing below cut-in (3 m/s), a cubic rise to rated power at 12 m/s,
 * rated power up to cut-out (25 m/s), nothing above (the turbine is stopped to protect it).
 */
public final class WindTurbine {
    public static final double CUT_IN = 3.0;
    public static final double RATED = 12.0;
    public static final double CUT_OUT = 25.0;

    private WindTurbine() {
    }

    /** Fraction of rated power, 0..1, at wind speed {@code v} m/s. */
    public static double powerFraction(double v) {
        if (v < CUT_IN || v >= CUT_OUT) {
            return 0;
        }
        if (v >= RATED) {
            return 1;
        }
        double c3 = CUT_IN * CUT_IN * CUT_IN;
        return (v * v * v - c3) / (RATED * RATED * RATED - c3);
    }
}
