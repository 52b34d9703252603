package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Whole-horizon DC-OPF: ramps across intervals, forecasts, N-1, infeasibility named. */
class DcOpfTest {

    private static Network withRates(Network n, Map<String, Double> rates) {
        List<Line> lines = new ArrayList<>();
        for (Line l : n.lines()) {
            lines.add(new Line(l.id(), l.from(), l.to(), l.x(), rates.getOrDefault(l.id(), l.rateMw()), l.shiftDeg()));
        }
        return new Network(n.baseMva(), n.buses(), n.slackBus(), lines);
    }

    private static Demand shaped(MatpowerCase mpc, double hours, double... factors) {
        List<Map<Integer, Double>> loads = new ArrayList<>();
        for (double f : factors) {
            Map<Integer, Double> m = new TreeMap<>();
            mpc.demand().loads().get(0).forEach((b, v) -> m.put(b, v * f));
            loads.add(m);
        }
        return new Demand(hours, loads);
    }

    @Test
    void rampsAcrossIntervalsReachTheSameOptimumAsTheWholeHorizonQp() throws Exception {
        MatpowerCase mpc = NetworkDispatchTest.load("case9.m");
        List<Unit> units = mpc.units().stream().map(u -> u.withRamp(35, 35)).toList();
        Demand demand = shaped(mpc, 1, 0.7, 1.0, 0.8, 1.0);
        DispatchPlan exact = DcOpf.solve(units, demand, mpc.network(), DcOpf.Options.defaults()).plan();
        // an independent solver: ojAlgo's whole-horizon QP with angles and flows as variables
        DispatchPlan ojalgo = EconomicDispatch.solve(units, demand, mpc.network(), PlanOptions.defaults().withoutPrices());
        assertThat(exact.cost()).isCloseTo(ojalgo.cost(), within(ojalgo.cost() * 1e-4));
        for (String id : exact.unitIds()) {
            for (int t = 0; t < 4; t++) {
                assertThat(exact.output(id, t)).as(id + " in " + t).isCloseTo(ojalgo.output(id, t), within(0.5));
                if (t > 0) {
                    assertThat(Math.abs(exact.output(id, t) - exact.output(id, t - 1))).isLessThanOrEqualTo(35 + 1e-3);
                }
            }
        }
        // the ramps bind, and without them the optimum is cheaper: one problem, not four
        assertThat(exact.binding()).anyMatch(b -> b.kind() == Binding.Kind.RAMP_UP);
        DispatchPlan free = DcOpf.solve(mpc.units(), demand, mpc.network(), DcOpf.Options.defaults()).plan();
        assertThat(free.cost()).as("without ramps").isLessThan(exact.cost() - 0.1);
    }

    @Test
    void aRampBoundPlanPaysTheLookAheadInItsPrices() throws Exception {
        // with the ramps binding, the energy price of an interval is no longer one unit's marginal cost: it is
        // the dual of the balance, which carries the value of ramping room in the neighbouring intervals
        MatpowerCase mpc = NetworkDispatchTest.load("case9.m");
        List<Unit> units = mpc.units().stream().map(u -> u.withRamp(35, 35)).toList();
        Demand demand = shaped(mpc, 1, 0.7, 1.0, 0.8, 1.0);
        DispatchPlan plan = DcOpf.solve(units, demand, mpc.network(), DcOpf.Options.defaults()).plan();
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                double p = plan.output(u.id(), t);
                boolean free = p > u.lower(t) + 1e-2 && p < u.upper(t) - 1e-2
                        && !plan.binds(Binding.Kind.RAMP_UP, u.id(), t) && !plan.binds(Binding.Kind.RAMP_DOWN, u.id(), t)
                        && (t == 3 || !plan.binds(Binding.Kind.RAMP_UP, u.id(), t + 1)
                                && !plan.binds(Binding.Kind.RAMP_DOWN, u.id(), t + 1));
                if (free) { // a unit at no limit is paid its marginal cost at its bus
                    assertThat(plan.prices().get(t).get(u.bus())).as(u.id() + " in " + t)
                            .isCloseTo(u.cost().marginal(p), within(0.05));
                }
            }
        }
    }

    @Test
    void windIsCappedByItsForecastAndDisplacesThermalOutput() throws Exception {
        MatpowerCase mpc = NetworkDispatchTest.load("case9.m");
        List<Unit> units = new ArrayList<>(mpc.units());
        units.add(Unit.variable("W1", 5, 150, List.of(10.0, 80.0, 120.0, 40.0)));
        Demand demand = shaped(mpc, 0.25, 0.8, 0.9, 1.0, 0.9);
        DispatchPlan plan = DcOpf.solve(units, demand, mpc.network(), DcOpf.Options.defaults()).plan();
        double[] forecast = {10, 80, 120, 40};
        for (int t = 0; t < 4; t++) {
            assertThat(plan.output("W1", t)).isCloseTo(forecast[t], within(1e-3)); // free energy is used to the cap
            assertThat(plan.binds(Binding.Kind.AVAILABILITY, "W1", t)).isTrue();
        }
    }

    @Test
    void n1SecurityKeepsEveryLineWithinItsLimitAfterAnySingleBranchOutage() throws Exception {
        MatpowerCase mpc = NetworkDispatchTest.load("case9.m");
        Network net = withRates(mpc.network(), Map.of("4-5", 130.0, "9-4", 130.0, "6-7", 130.0, "7-8", 130.0,
                "5-6", 130.0, "8-9", 130.0));
        DispatchPlan base = DcOpf.solve(mpc.units(), mpc.demand(), net, DcOpf.Options.defaults()).plan();
        DcOpf.Result secure = DcOpf.solve(mpc.units(), mpc.demand(), net, DcOpf.Options.defaults().withN1Security(true));
        assertThat(worstPostContingencyOverload(net, mpc, base)).as("the base-case optimum is not N-1 secure")
                .isGreaterThan(1);
        assertThat(worstPostContingencyOverload(net, mpc, secure.plan())).isLessThan(1e-3);
        assertThat(secure.plan().cost()).isGreaterThan(base.cost());
        assertThat(secure.plan().shadowPrices().get(0).keySet()).anyMatch(k -> k.contains("after outage of"));
        assertThat(secure.work().lineRows()).isPositive();
    }

    /** Largest MW by which a line exceeds its limit after one ring branch trips (DC flow recomputed). */
    @SuppressWarnings("ReferenceEquality") // each branch out by identity: parallel branches may be equal
    private static double worstPostContingencyOverload(Network net, MatpowerCase mpc, DispatchPlan plan) {
        double worst = 0;
        for (Line out : net.lines()) {
            List<Line> rest = net.lines().stream().filter(l -> l != out).toList();
            Islands islands = new Islands(net.buses());
            rest.forEach(l -> islands.connect(l.from(), l.to()));
            if (net.buses().stream().map(islands::of).distinct().count() > 1) {
                continue; // a radial branch: its outage islands a bus, not a contingency to secure
            }
            Network after = new Network(net.baseMva(), net.buses(), net.slackBus(), rest);
            Map<Integer, Double> inj = new TreeMap<>();
            mpc.demand().loads().get(0).forEach((b, v) -> inj.merge(b, -v, Double::sum));
            for (Unit u : mpc.units()) {
                inj.merge(u.bus(), plan.output(u.id(), 0), Double::sum);
            }
            Map<String, Double> f = DcPowerFlow.flows(after, inj);
            for (Line l : rest) {
                worst = Math.max(worst, Math.abs(f.get(l.id())) - l.rateMw());
            }
        }
        return worst;
    }

    @Test
    void anInfeasibleLineLimitIsNamedWithItsInterval() throws Exception {
        MatpowerCase mpc = NetworkDispatchTest.load("case9.m");
        // generator 2 (163 MW max at bus 2... here 300) must export through 8-2; 40 MW cannot carry the night's load
        Network net = withRates(mpc.network(), Map.of("8-2", 40.0, "1-4", 100.0, "3-6", 100.0));
        Demand demand = shaped(mpc, 1, 0.5, 1.0);
        assertThatThrownBy(() -> DcOpf.solve(mpc.units(), demand, net, DcOpf.Options.defaults()))
                .isInstanceOf(InfeasibleDispatchException.class)
                .hasMessageStartingWith("line limits make the demand infeasible: line ")
                .hasMessageContaining("in interval 1");
    }

    @Test
    void ptdfFlowsEqualTheDcPowerFlowIncludingPhaseShifters() throws Exception {
        MatpowerCase mpc = NetworkDispatchTest.load("case14_grid.m");
        Network net = mpc.network();
        Ptdf ptdf = Ptdf.of(net);
        double[] inj = new double[net.buses().size()];
        Map<Integer, Double> byBus = new TreeMap<>();
        for (int b = 0; b < inj.length; b++) {
            inj[b] = (b % 3 == 0 ? 20 : -5) + b;
            byBus.put(net.buses().get(b), inj[b]);
        }
        double[] f = ptdf.flows(inj);
        Map<String, Double> reference = DcPowerFlow.flows(new Network(net.baseMva(), net.buses(), net.slackBus(),
                net.lines().stream().map(l -> new Line(l.id(), l.from(), l.to(), l.x(), l.rateMw())).toList()), byBus);
        double shifted = 0;
        for (int l = 0; l < f.length; l++) {
            shifted += Math.abs(ptdf.shiftFlow(l));
            assertThat(f[l] - ptdf.shiftFlow(l)).isCloseTo(reference.get(net.lines().get(l).id()), within(1e-9));
        }
        assertThat(shifted).as("the 5 degree shifter on 4-7 moves flow").isGreaterThan(1);
    }
}
