package org.energychain.dispatch.negotiation;

import java.util.Map;
import java.util.Objects;
import org.energychain.dispatch.plan.Unit;

/**
 * What a negotiated plan means, for reports (never stored or compared on chain, hence doubles): energy in
 * MWh, cost at each source's offered price, life-cycle emissions from its technology (IPCC AR5 medians,
 * t CO2-eq) and the clean share (technologies of at most {@link Unit#CLEAN_LIMIT_G_PER_KWH} g/kWh).
 */
public record PlanMetrics(double energyMwh, double cost, double emissionsTonnes, double cleanSharePercent) {
    public static PlanMetrics of(ProposeArgs plan, Map<String, SourcePolicy> policies, int intervalMinutes) {
        double energy = 0;
        double cost = 0;
        double emissions = 0;
        double clean = 0;
        for (PlanRow row : plan.plan()) {
            SourcePolicy p = Objects.requireNonNull(policies.get(row.sourceId()), () -> "no policy of source " + row.sourceId());
            long kw = row.kw().stream().mapToLong(Long::longValue).sum();
            double mwh = kw * (intervalMinutes / 60.0) / 1000.0;
            energy += mwh;
            cost += mwh * p.priceMilli() / 1000.0;
            emissions += mwh * p.technology().gramsPerKwh() / 1000.0;
            if (p.technology().gramsPerKwh() <= Unit.CLEAN_LIMIT_G_PER_KWH) {
                clean += mwh;
            }
        }
        return new PlanMetrics(energy, cost, emissions, energy == 0 ? 0 : 100.0 * clean / energy);
    }
}
