package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decomposition against the whole programme of EconomicDispatch, on a generated congested network. */
class SequentialNetworkDispatchTest {
    static List<Unit> linear(MatpowerCase c) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : c.units()) {
            CostCurve.Quadratic q = (CostCurve.Quadratic) u.cost();
            out.add(new Unit(u.id(), u.bus(), 0, u.pMax(), new CostCurve.Quadratic(0, q.b(), 0), Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, 0, false, List.of()));
        }
        return out;
    }

    @Test
    void perIntervalOptimaEqualTheWholeProgrammeWithoutRamps() {
        MatpowerCase c = MatpowerReader.parse("g", SyntheticGrid.matpower(30, 47, 40, 1_000, 4));
        Network net = c.network();
        List<Unit> units = linear(c);
        Map<Integer, Double> base = c.demand().loads().get(0);
        List<Map<Integer, Double>> loads = new ArrayList<>();
        for (double s : new double[] {0.7, 1.0, 0.85}) {
            Map<Integer, Double> m = new HashMap<>();
            base.forEach((b, mw) -> m.put(b, mw * s));
            loads.add(m);
        }
        Demand d = new Demand(0.25, loads);
        SequentialNetworkDispatch.Result fast = SequentialNetworkDispatch.solve(units, d, net, 0);
        DispatchPlan exact = EconomicDispatch.solve(units, d, net, PlanOptions.defaults().withoutPrices());
        assertThat(fast.cost()).isCloseTo(exact.cost(), within(1e-6 * exact.cost()));
        assertThat(fast.lpSolves()).as("the generated limits bind under a cost-driven dispatch").isPositive();
        // every line within its limit, every interval balanced
        for (int t = 0; t < 3; t++) {
            Map<Integer, Double> inj = new HashMap<>();
            loads.get(t).forEach((b, mw) -> inj.merge(b, -mw, Double::sum));
            double sum = 0;
            for (int k = 0; k < units.size(); k++) {
                inj.merge(units.get(k).bus(), fast.output()[k][t], Double::sum);
                sum += fast.output()[k][t];
            }
            assertThat(sum).isCloseTo(d.total(t), within(1e-6));
            Map<String, Double> flows = DcPowerFlow.flows(net, inj);
            for (Line l : net.lines()) {
                assertThat(Math.abs(flows.get(l.id()))).as(l.id()).isLessThanOrEqualTo(l.rateMw() + 1e-5);
            }
        }
    }

    @Test
    void rampsBoundEachIntervalByThePrevious() {
        MatpowerCase c = MatpowerReader.parse("g", SyntheticGrid.matpower(14, 20, 12, 400, 2));
        List<Unit> units = new ArrayList<>();
        for (Unit u : linear(c)) {
            units.add(u.withRamp(8, 8));
        }
        Map<Integer, Double> base = c.demand().loads().get(0);
        List<Map<Integer, Double>> loads = new ArrayList<>();
        for (double s : new double[] {0.5, 0.55, 0.6}) {
            Map<Integer, Double> m = new HashMap<>();
            base.forEach((b, mw) -> m.put(b, mw * s));
            loads.add(m);
        }
        SequentialNetworkDispatch.Result r = SequentialNetworkDispatch.solve(units, new Demand(1, loads), c.network(), 0);
        for (int k = 0; k < units.size(); k++) {
            for (int t = 1; t < 3; t++) {
                assertThat(Math.abs(r.output()[k][t] - r.output()[k][t - 1])).isLessThanOrEqualTo(8 + 1e-6);
            }
        }
    }
}
