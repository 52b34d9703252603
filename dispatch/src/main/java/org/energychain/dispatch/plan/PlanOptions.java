package org.energychain.dispatch.plan;

import java.util.Optional;

/**
 * How to plan.
 *
 * @param co2Price clean-energy preference: currency per tonne CO2 added to each unit's marginal cost in
 *                 the objective (a shadow carbon price). It moves output to cleaner units; the plan's
 *                 reported cost is the generation cost without it. 0 for pure economic dispatch.
 * @param prices   whether to compute a price per bus (network only; costs two extra solves per bus and
 *                 interval)
 * @param losses   transmission losses by B coefficients (no network only); empty for a lossless system
 */
public record PlanOptions(double co2Price, boolean prices, Optional<LossCoefficients> losses) {
    public PlanOptions {
        if (!(co2Price >= 0) || !Double.isFinite(co2Price)) {
            throw new IllegalArgumentException("CO2 price must be finite and >= 0, got " + co2Price);
        }
        losses = losses == null ? Optional.empty() : losses;
    }

    /** Least cost, lossless, with prices per bus. */
    public static PlanOptions defaults() {
        return new PlanOptions(0, true, Optional.empty());
    }

    public PlanOptions withCo2Price(double currencyPerTonne) {
        return new PlanOptions(currencyPerTonne, prices, losses);
    }

    public PlanOptions withLosses(LossCoefficients coefficients) {
        return new PlanOptions(co2Price, prices, Optional.of(coefficients));
    }

    public PlanOptions withoutPrices() {
        return new PlanOptions(co2Price, false, losses);
    }
}
