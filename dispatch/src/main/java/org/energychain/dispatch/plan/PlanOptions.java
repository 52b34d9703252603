package org.energychain.dispatch.plan;

/**
 * How to plan.
 *
 * @param co2Price clean-energy preference: currency per tonne CO2 added to each unit's marginal cost in
 *                 the objective (a shadow carbon price). It moves output to cleaner units; the plan's
 *                 reported cost is the generation cost without it. 0 for pure economic dispatch.
 * @param prices   whether to compute a price per bus (network only; costs two extra solves per bus and
 *                 interval)
 */
public record PlanOptions(double co2Price, boolean prices) {
    public PlanOptions {
        if (!(co2Price >= 0) || !Double.isFinite(co2Price)) {
            throw new IllegalArgumentException("CO2 price must be finite and >= 0, got " + co2Price);
        }
    }

    /** Least cost, with prices per bus. */
    public static PlanOptions defaults() {
        return new PlanOptions(0, true);
    }

    public PlanOptions withCo2Price(double currencyPerTonne) {
        return new PlanOptions(currencyPerTonne, prices);
    }
}
