package org.energychain.dispatch.plan;

import java.util.List;
import java.util.Objects;

import org.energychain.dispatch.weight.Technology;

/**
 * A dispatchable generating unit as the planner sees it: where it is, what it can produce and what that
 * costs and emits. Wind and solar units carry an availability forecast per interval, which caps their
 * output below {@code pMax}; the planner never schedules more than the forecast.
 *
 * @param id             unique name, used in plans and in messages
 * @param bus            bus number (MATPOWER numbering); ignored when there is no network
 * @param pMin           minimum output, MW (every unit is on: there is no unit commitment)
 * @param pMax           maximum output, MW
 * @param cost           cost curve in currency/h
 * @param rampUp         largest rise of output from one interval to the next, MW; infinite if none
 * @param rampDown       largest fall of output from one interval to the next, MW; infinite if none
 * @param emissionFactor direct emissions, tCO2 per MWh produced
 * @param clean          whether its energy counts as clean in the plan's clean share
 * @param availability   available MW per interval (wind/solar forecast); empty if always {@code pMax}
 */
public record Unit(String id, int bus, double pMin, double pMax, CostCurve cost, double rampUp, double rampDown,
                   double emissionFactor, boolean clean, List<Double> availability) {

    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        availability = List.copyOf(availability);
        if (!(pMin >= 0) || !(pMax >= pMin) || !Double.isFinite(pMax)) {
            throw new IllegalArgumentException("unit " + id + ": need 0 <= pMin <= pMax, got " + pMin + ".." + pMax);
        }
        if (!(rampUp > 0) || !(rampDown > 0)) {
            throw new IllegalArgumentException("unit " + id + ": ramp limits must be positive (infinite if none)");
        }
        if (!(emissionFactor >= 0) || !Double.isFinite(emissionFactor)) {
            throw new IllegalArgumentException("unit " + id + ": emission factor must be finite and >= 0");
        }
        for (Double a : availability) {
            if (a == null || !(a >= 0)) {
                throw new IllegalArgumentException("unit " + id + ": availability must be >= 0 MW, got " + a);
            }
        }
    }

    /** A thermal unit with the textbook quadratic cost {@code a·P² + b·P + c}, no ramp limits, no emissions. */
    public static Unit quadratic(String id, int bus, double pMin, double pMax, double a, double b, double c) {
        return new Unit(id, bus, pMin, pMax, new CostCurve.Quadratic(a, b, c), Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, false, List.of());
    }

    /** A wind or solar unit: zero cost and emissions, clean, output capped by the forecast per interval. */
    public static Unit variable(String id, int bus, double pMax, List<Double> availability) {
        return new Unit(id, bus, 0, pMax, new CostCurve.Quadratic(0, 0, 0), Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, true, availability);
    }

    public Unit withRamp(double up, double down) {
        return new Unit(id, bus, pMin, pMax, cost, up, down, emissionFactor, clean, availability);
    }

    public Unit withEmissions(double tonnesPerMwh, boolean isClean) {
        return new Unit(id, bus, pMin, pMax, cost, rampUp, rampDown, tonnesPerMwh, isClean, availability);
    }

    /**
     * Emissions and cleanness from the technology's IPCC AR5 life-cycle median (the same table the voting
     * weights use, so plan and weights agree): {@code ef = g/kWh ÷ 1000} t/MWh, and clean when at most
     * {@link #CLEAN_LIMIT_G_PER_KWH} g/kWh (wind, solar, hydro, geothermal, nuclear; not biomass, gas, coal).
     */
    public Unit withTechnology(Technology technology) {
        int g = technology.gramsPerKwh();
        return withEmissions(g / 1000.0, g <= CLEAN_LIMIT_G_PER_KWH);
    }

    /** Life-cycle emissions (gCO2-eq/kWh) up to which a technology's energy counts as clean. */
    public static final int CLEAN_LIMIT_G_PER_KWH = 50;

    public Unit withAvailability(List<Double> mwPerInterval) {
        return new Unit(id, bus, pMin, pMax, cost, rampUp, rampDown, emissionFactor, clean, mwPerInterval);
    }

    public Unit withBus(int newBus) {
        return new Unit(id, newBus, pMin, pMax, cost, rampUp, rampDown, emissionFactor, clean, availability);
    }

    /** Upper bound in interval {@code t}: pMax, or the forecast if lower. */
    public double upper(int t) {
        return availability.isEmpty() ? pMax : Math.min(pMax, availability.get(t));
    }

    /** Lower bound in interval {@code t}: pMin, unless the forecast is even lower. */
    public double lower(int t) {
        return Math.min(pMin, upper(t));
    }
}
