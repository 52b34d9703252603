package org.energychain.dispatch.plan;

/**
 * A constraint that is at its limit in the optimum, so it shapes the plan and its prices: the sources and
 * the grid company see why a cheap unit is not used more.
 *
 * @param kind     which sort of limit
 * @param element  the unit or line id
 * @param interval 0-based interval
 * @param limit    the limit value (MW)
 */
public record Binding(Kind kind, String element, int interval, double limit) {

    /** Sorts of limit. */
    public enum Kind {
        UNIT_MAX, UNIT_MIN, AVAILABILITY, RAMP_UP, RAMP_DOWN, LINE
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UNIT_MAX -> "interval " + interval + ": unit " + element + " at its maximum " + limit + " MW";
            case UNIT_MIN -> "interval " + interval + ": unit " + element + " at its minimum " + limit + " MW";
            case AVAILABILITY -> "interval " + interval + ": unit " + element + " at its forecast " + limit + " MW";
            case RAMP_UP -> "interval " + interval + ": unit " + element + " ramps up by its limit " + limit + " MW";
            case RAMP_DOWN -> "interval " + interval + ": unit " + element + " ramps down by its limit " + limit + " MW";
            case LINE -> "interval " + interval + ": line " + element + " at its limit " + limit + " MW";
        };
    }
}
