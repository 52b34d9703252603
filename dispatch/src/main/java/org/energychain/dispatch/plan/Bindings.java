package org.energychain.dispatch.plan;

import java.util.List;

/**
 * The constraints at their limit in an optimum ({@link Binding}), found the same way by every planner:
 * a unit within {@link EconomicDispatch#TOL} of a limit or ramping by its limit, a limited line within it
 * of its rating. Callers choose the order (units or lines first) their plans have always listed.
 */
final class Bindings {
    private Bindings() {
    }

    /** The units' limits and ramps that bind in interval t of outputs {@code p[unit][interval]}. */
    static void units(List<Binding> out, List<Unit> units, double[][] p, int t) {
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (p[i][t] >= u.upper(t) - EconomicDispatch.TOL) {
                out.add(new Binding(u.upper(t) < u.pMax() ? Binding.Kind.AVAILABILITY : Binding.Kind.UNIT_MAX,
                        u.id(), t, u.upper(t)));
            } else if (p[i][t] <= u.lower(t) + EconomicDispatch.TOL) {
                out.add(new Binding(Binding.Kind.UNIT_MIN, u.id(), t, u.lower(t)));
            }
            if (t > 0) {
                double step = p[i][t] - p[i][t - 1];
                if (Double.isFinite(u.rampUp()) && step >= u.rampUp() - EconomicDispatch.TOL) {
                    out.add(new Binding(Binding.Kind.RAMP_UP, u.id(), t, u.rampUp()));
                }
                if (Double.isFinite(u.rampDown()) && -step >= u.rampDown() - EconomicDispatch.TOL) {
                    out.add(new Binding(Binding.Kind.RAMP_DOWN, u.id(), t, u.rampDown()));
                }
            }
        }
    }

    /** The line's limit, if it binds at {@code flow} in interval t. */
    static void line(List<Binding> out, Line line, double flow, int t) {
        if (line.limited() && Math.abs(flow) >= line.rateMw() - EconomicDispatch.TOL) {
            out.add(new Binding(Binding.Kind.LINE, line.id(), t, line.rateMw()));
        }
    }
}
