package org.energychain.dispatch.plan;

import java.util.List;

/**
 * The system lambda of an interval without a network, read from the primal optimum: the marginal cost
 * {@code F'(P) + co2Price·ef} of a unit not at any limit. {@link EconomicDispatch} falls back to a
 * difference quotient of the objective when there is none.
 */
final class SystemLambda {
    private SystemLambda() {
    }

    /**
     * Marginal cost of a unit that is at no limit (nor ramping by its limit, nor at a breakpoint of a
     * piecewise-linear cost) in interval t, with its penalty factor when losses are linearised
     * ({@code lossSlope} non-null); null if every unit is at a limit.
     */
    static Double marginalUnit(List<Unit> units, double[][] outputs, List<Binding> binding, int t, double co2Price,
            double[][] lossSlope) {
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            double p = outputs[i][t];
            if (p <= u.lower(t) + EconomicDispatch.TOL || p >= u.upper(t) - EconomicDispatch.TOL || rampBinds(binding, u.id(), t)) {
                continue;
            }
            if (u.cost() instanceof CostCurve.PiecewiseLinear w && atBreakpoint(w, p)) {
                continue;
            }
            double mc = u.cost().marginal(p) + co2Price * u.emissionFactor();
            // with losses, one MW more at the load needs 1/(1 − ∂P_L/∂P_i) MW from unit i (penalty factor)
            return lossSlope == null ? mc : mc / (1 - lossSlope[i][t]);
        }
        return null;
    }

    private static boolean rampBinds(List<Binding> binding, String id, int t) {
        return binding.stream().anyMatch(b -> b.element().equals(id)
                && (b.kind() == Binding.Kind.RAMP_UP || b.kind() == Binding.Kind.RAMP_DOWN)
                && (b.interval() == t || b.interval() == t + 1));
    }

    private static boolean atBreakpoint(CostCurve.PiecewiseLinear w, double p) {
        for (int k = 0; k <= w.segments(); k++) {
            if (Math.abs(p - w.mwAt(k)) <= EconomicDispatch.TOL) {
                return true;
            }
        }
        return false;
    }
}
