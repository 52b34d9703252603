package org.energychain.dispatch.plan;

/**
 * A branch of the DC network model: flow from {@code from} to {@code to} is
 * {@code baseMVA·(θ_from − θ_to)/x} MW. The grid company checks supply plans against these limits.
 *
 * @param id     name used in plans and messages (e.g. "1-3")
 * @param from   from bus
 * @param to     to bus
 * @param x      series reactance in per unit on the system base (times the tap ratio, if any)
 * @param rateMw flow limit in MW in either direction; infinite if unlimited (MATPOWER rateA = 0)
 * @param shiftDeg phase shift of a phase-shifting transformer, degrees (MATPOWER SHIFT): the DC flow is
 *                 {@code baseMVA·(θ_from − θ_to − shift)/x}, as MATPOWER's {@code makeBdc}
 */
public record Line(String id, int from, int to, double x, double rateMw, double shiftDeg) {
    /** A line without phase shift. */
    public Line(String id, int from, int to, double x, double rateMw) {
        this(id, from, to, x, rateMw, 0);
    }

    public Line {
        if (!Double.isFinite(shiftDeg)) {
            throw new IllegalArgumentException("line " + id + ": phase shift must be finite, got " + shiftDeg);
        }
        if (!(x != 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("line " + id + ": reactance must be finite and non-zero, got " + x);
        }
        if (!(rateMw > 0)) {
            throw new IllegalArgumentException("line " + id + ": limit must be positive MW (infinite if none)");
        }
        if (from == to) {
            throw new IllegalArgumentException("line " + id + " connects bus " + from + " to itself");
        }
    }

    /** Phase shift in radians. */
    public double shiftRad() {
        return Math.toRadians(shiftDeg);
    }

    public boolean limited() {
        return Double.isFinite(rateMw);
    }
}
