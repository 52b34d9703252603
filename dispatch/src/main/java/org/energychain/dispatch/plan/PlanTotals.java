package org.energychain.dispatch.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a solved plan adds up to, computed the same way by every planner from the outputs
 * {@code p[unit][interval]}: the outputs as lists, the cost and emissions over the horizon and the share
 * of clean energy (0 when nothing is produced).
 *
 * @param output     MW per unit and interval
 * @param cost       Σ hours·F_i(P_it)
 * @param emissions  Σ hours·ef_i·P_it
 * @param cleanShare percent of the energy from clean units
 */
record PlanTotals(List<List<Double>> output, double cost, double emissions, double cleanShare) {

    static PlanTotals of(List<Unit> units, double[][] p, int intervals, double hours) {
        double cost = 0;
        double emissions = 0;
        double energy = 0;
        double clean = 0;
        List<List<Double>> output = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            List<Double> row = new ArrayList<>();
            for (int t = 0; t < intervals; t++) {
                double mw = p[i][t];
                row.add(mw);
                cost += hours * u.cost().cost(mw);
                emissions += hours * u.emissionFactor() * mw;
                energy += hours * mw;
                if (u.clean()) {
                    clean += hours * mw;
                }
            }
            output.add(row);
        }
        return new PlanTotals(output, cost, emissions, energy > 0 ? 100 * clean / energy : 0);
    }
}
