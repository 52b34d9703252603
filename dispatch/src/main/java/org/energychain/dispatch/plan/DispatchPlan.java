package org.energychain.dispatch.plan;

import java.util.List;
import java.util.Map;

/**
 * A solved supply plan: what each unit produces in each interval and what that means for cost,
 * emissions and prices. This is what the sources vote on.
 *
 * @param unitIds     units in input order
 * @param output      MW per unit (same order as {@code unitIds}) per interval
 * @param cost        generation cost over the horizon, currency (Σ hours·F(P), without the CO2 price)
 * @param emissions   tonnes CO2 over the horizon
 * @param cleanShare  percentage of energy from clean units
 * @param lambda      system marginal price per interval, currency/MWh (the marginal cost, including the
 *                    CO2 price, of serving one more MW); with a network, the price at the slack bus
 * @param prices      price per bus per interval (locational marginal prices), empty without a network or
 *                    when not requested
 * @param flows       MW per line per interval (positive from → to), empty without a network
 * @param binding     constraints at their limits
 * @param losses      transmission losses per interval, MW (0 without a loss model); output covers demand
 *                    plus losses
 * @param shadowPrices per interval, the shadow price ($/MWh, ≥ 0) of each line limit that binds, by line id
 *                    (with "after outage of" the branch for an N-1 limit); empty when prices come from
 *                    difference quotients ({@link EconomicDispatch})
 */
public record DispatchPlan(List<String> unitIds, List<List<Double>> output, double cost, double emissions,
                           double cleanShare, List<Double> lambda, List<Map<Integer, Double>> prices,
                           List<Map<String, Double>> flows, List<Binding> binding,
                           List<Double> losses, List<Map<String, Double>> shadowPrices) {

    /** A plan without line shadow prices. */
    public DispatchPlan(List<String> unitIds, List<List<Double>> output, double cost, double emissions,
                        double cleanShare, List<Double> lambda, List<Map<Integer, Double>> prices,
                        List<Map<String, Double>> flows, List<Binding> binding, List<Double> losses) {
        this(unitIds, output, cost, emissions, cleanShare, lambda, prices, flows, binding, losses, List.of());
    }

    public DispatchPlan {
        unitIds = List.copyOf(unitIds);
        output = output.stream().map(List::copyOf).toList();
        lambda = List.copyOf(lambda);
        prices = prices.stream().map(Map::copyOf).toList();
        flows = flows.stream().map(Map::copyOf).toList();
        binding = List.copyOf(binding);
        losses = List.copyOf(losses);
        shadowPrices = shadowPrices.stream().map(Map::copyOf).toList();
    }

    /** Output of unit {@code id} in interval {@code t}, MW. */
    public double output(String id, int t) {
        int i = unitIds.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no unit " + id + " in the plan");
        }
        return output.get(i).get(t);
    }

    public int intervals() {
        return lambda.size();
    }

    /** Whether a constraint of this kind on this element binds in interval {@code t}. */
    public boolean binds(Binding.Kind kind, String element, int t) {
        return binding.stream().anyMatch(b -> b.kind() == kind && b.element().equals(element) && b.interval() == t);
    }
}
