package org.energychain.dispatch.plan;

import java.util.Arrays;

/**
 * A unit's cost in currency per hour as a function of its output P in MW. Only convex curves are
 * accepted, because only then is economic dispatch a convex problem with one optimum that every node
 * finds again, and only then is the marginal cost a meaningful price.
 */
public sealed interface CostCurve permits CostCurve.Quadratic, CostCurve.PiecewiseLinear {

    /** Cost in currency/h at output {@code p} MW. */
    double cost(double p);

    /** Marginal cost in currency/MWh at output {@code p} (right derivative at a breakpoint). */
    double marginal(double p);

    /** {@code F(P) = a·P² + b·P + c}, with a ≥ 0 (the textbook fuel-cost curve). */
    record Quadratic(double a, double b, double c) implements CostCurve {
        public Quadratic {
            if (!(a >= 0) || !Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
                throw new IllegalArgumentException("quadratic cost needs finite a >= 0, b, c; got a=" + a
                        + " b=" + b + " c=" + c);
            }
        }

        @Override
        public double cost(double p) {
            return (a * p + b) * p + c;
        }

        @Override
        public double marginal(double p) {
            return 2 * a * p + b;
        }
    }

    /**
     * Straight lines between points (MW, currency/h), as MATPOWER's gencost model 1; MW strictly
     * increasing, slopes non-decreasing (convex).
     */
    record PiecewiseLinear(double[] mw, double[] cost) implements CostCurve {
        public PiecewiseLinear {
            mw = mw.clone();
            cost = cost.clone();
            if (mw.length < 2 || mw.length != cost.length) {
                throw new IllegalArgumentException("piecewise-linear cost needs at least two (MW, cost) points");
            }
            for (int k = 1; k < mw.length; k++) {
                if (!(mw[k] > mw[k - 1])) {
                    throw new IllegalArgumentException("piecewise-linear cost: MW points must increase, got "
                            + mw[k - 1] + " then " + mw[k]);
                }
                if (k >= 2 && slope(mw, cost, k) < slope(mw, cost, k - 1) - 1e-9) {
                    throw new IllegalArgumentException("piecewise-linear cost is not convex: slope falls from "
                            + slope(mw, cost, k - 1) + " to " + slope(mw, cost, k) + " at " + mw[k - 1] + " MW");
                }
            }
        }

        private static double slope(double[] x, double[] y, int k) {
            return (y[k] - y[k - 1]) / (x[k] - x[k - 1]);
        }

        /** Number of segments. */
        public int segments() {
            return mw.length - 1;
        }

        /** Slope of segment {@code k} (0-based), currency/MWh. */
        public double slope(int k) {
            return slope(mw, cost, k + 1);
        }

        @Override
        public double[] mw() {
            return mw.clone();
        }

        @Override
        public double[] cost() {
            return cost.clone();
        }

        double mwAt(int k) {
            return mw[k];
        }

        double costAt(int k) {
            return cost[k];
        }

        @Override
        public double cost(double p) {
            // convex: the curve is the maximum of its segment lines (extended beyond the end points)
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < segments(); k++) {
                best = Math.max(best, cost[k] + slope(k) * (p - mw[k]));
            }
            return best;
        }

        @Override
        public double marginal(double p) {
            for (int k = 0; k < segments(); k++) {
                if (p < mw[k + 1]) {
                    return slope(k);
                }
            }
            return slope(segments() - 1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PiecewiseLinear other && Arrays.equals(mw, other.mw) && Arrays.equals(cost, other.cost);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(mw) + Arrays.hashCode(cost);
        }

        @Override
        public String toString() {
            return "PiecewiseLinear[mw=" + Arrays.toString(mw) + ", cost=" + Arrays.toString(cost) + "]";
        }
    }
}
