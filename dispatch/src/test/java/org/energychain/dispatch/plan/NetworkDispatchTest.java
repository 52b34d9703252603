package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DC-OPF on MATPOWER cases: flows, line limits and prices per bus. */
class NetworkDispatchTest {

    static MatpowerCase load(String name) throws IOException, URISyntaxException {
        return MatpowerReader.read(Path.of(NetworkDispatchTest.class.getResource("/matpower/" + name).toURI()));
    }

    static Network unlimited(Network n) {
        return new Network(n.baseMva(), n.buses(), n.slackBus(), n.lines().stream()
                .map(l -> new Line(l.id(), l.from(), l.to(), l.x(), Double.POSITIVE_INFINITY)).toList());
    }

    @Test
    void aCongestedLineSeparatesThePricesAsWorkedOutByHand() throws Exception {
        DispatchPlan plan = DispatchPlanner.plan(load("case3_congested.m"), PlanOptions.defaults());

        // f13 = 2/3·P1 + 1/3·P2 ≤ 150 with P1 + P2 = 300  ->  P1 = 150, P2 = 150
        assertThat(plan.output("G1", 0)).isCloseTo(150, within(1e-3));
        assertThat(plan.output("G2", 0)).isCloseTo(150, within(1e-3));
        assertThat(plan.flows().get(0).get("1-3")).isCloseTo(150, within(1e-3));
        assertThat(plan.flows().get(0).get("2-3")).isCloseTo(150, within(1e-3));
        assertThat(plan.flows().get(0).get("1-2")).isCloseTo(0, within(1e-3));
        assertThat(plan.binds(Binding.Kind.LINE, "1-3", 0)).isTrue();
        // one more MW at bus 3 with f13 held at 150: P1 + P2 = 301 and 2/3 P1 + 1/3 P2 = 150 -> P1 = 149, P2 = 152: cost +2·20 − 1·10 = 30 $/MWh
        Map<Integer, Double> prices = plan.prices().get(0);
        assertThat(prices.get(1)).isCloseTo(10, within(1e-3));
        assertThat(prices.get(2)).isCloseTo(20, within(1e-3));
        assertThat(prices.get(3)).isCloseTo(30, within(1e-3));
        assertThat(plan.cost()).isCloseTo(150 * 10 + 150 * 20, within(1e-3));
    }

    @Test
    void thePlannerReadsACaseFileAndSolvesIt() throws Exception {
        DispatchPlan plan = DispatchPlanner.plan(Path.of(NetworkDispatchTest.class
                .getResource("/matpower/case3_congested.m").toURI()));
        assertThat(plan.unitIds()).containsExactly("G1", "G2");
        assertThat(plan.output("G1", 0) + plan.output("G2", 0)).isCloseTo(300, within(1e-4));
        assertThat(plan.lambda().get(0)).isCloseTo(10, within(1e-3)); // the slack bus's price
        assertThat(plan.prices().get(0)).containsOnlyKeys(1, 2, 3);
    }

    @Test
    void withoutCongestionEveryBusPaysTheSystemLambda() throws Exception {
        MatpowerCase mpc = load("case3_ww3a.m");
        DispatchPlan plan = EconomicDispatch.solve(mpc.units(), mpc.demand(), mpc.network(), PlanOptions.defaults());
        DispatchPlan single = EconomicDispatch.solve(EconomicDispatchTest.example3A(), Demand.total(1, 850),
                PlanOptions.defaults());

        // lossless DC network with no binding line: the same dispatch as Wood & Wollenberg Example 3A
        assertThat(plan.output("G1", 0)).isCloseTo(393.2, within(0.1));
        assertThat(plan.output("G2", 0)).isCloseTo(334.6, within(0.1));
        assertThat(plan.output("G3", 0)).isCloseTo(122.2, within(0.1));
        for (double price : plan.prices().get(0).values()) {
            assertThat(price).isCloseTo(single.lambda().get(0), within(1e-3));
            assertThat(price).isCloseTo(9.148, within(1e-3));
        }
        assertThat(plan.binding()).noneMatch(b -> b.kind() == Binding.Kind.LINE);
        // the unconstrained flow on 1-3 is 2/3·P1 + 1/3·P2
        assertThat(plan.flows().get(0).get("1-3"))
                .isCloseTo(2.0 / 3 * plan.output("G1", 0) + 1.0 / 3 * plan.output("G2", 0), within(1e-3));
    }

    @Test
    void aTightLimitOnTheTextbookCaseMakesEachMarginalUnitEarnItsBusPrice() throws Exception {
        MatpowerCase mpc = load("case3_ww3a.m");
        Network n = mpc.network();
        Network tight = new Network(n.baseMva(), n.buses(), n.slackBus(), n.lines().stream()
                .map(l -> l.id().equals("1-3") ? new Line(l.id(), l.from(), l.to(), l.x(), 300) : l).toList());
        DispatchPlan plan = EconomicDispatch.solve(mpc.units(), mpc.demand(), tight, PlanOptions.defaults());

        assertThat(plan.binds(Binding.Kind.LINE, "1-3", 0)).isTrue();
        assertThat(plan.flows().get(0).get("1-3")).isCloseTo(300, within(1e-3));
        Map<Integer, Double> prices = plan.prices().get(0);
        assertThat(prices.get(3) - prices.get(1)).isGreaterThan(0.01);
        // KKT: a unit strictly inside its limits produces where its marginal cost equals its bus price
        for (Unit u : mpc.units()) {
            double p = plan.output(u.id(), 0);
            if (p > u.pMin() + 1e-3 && p < u.pMax() - 1e-3) {
                assertThat(u.cost().marginal(p)).as("unit %s", u.id()).isCloseTo(prices.get(u.bus()), within(1e-3));
            }
        }
        double total = 0;
        for (Unit u : mpc.units()) {
            total += plan.output(u.id(), 0);
        }
        assertThat(total).isCloseTo(850, within(1e-4));
        DispatchPlan free = EconomicDispatch.solve(mpc.units(), mpc.demand(), unlimited(n), PlanOptions.defaults());
        assertThat(plan.cost()).isGreaterThan(free.cost());
    }

    @Test
    void congestionComesAndGoesOverIntervalsCoupledByRamps() throws Exception {
        MatpowerCase mpc = load("case3_congested.m");
        List<Unit> units = mpc.units().stream().map(u -> u.withRamp(120, 120)).toList();
        // 150 MW: G1 alone, no congestion; 300 MW: line 1-3 binds
        Demand d = new Demand(1, List.of(Map.of(3, 150.0), Map.of(3, 300.0)));
        DispatchPlan plan = EconomicDispatch.solve(units, d, mpc.network(), PlanOptions.defaults());

        // at 300 MW line 1-3 holds G1 to 150 and G2 must give 150, but G2 ramps only 120 MW per interval:
        // so it is pre-ramped to 30 MW in interval 0, displacing cheap G1 there
        assertThat(plan.output("G1", 0)).isCloseTo(120, within(1e-3));
        assertThat(plan.output("G2", 0)).isCloseTo(30, within(1e-3));
        assertThat(plan.output("G1", 1)).isCloseTo(150, within(1e-3));
        assertThat(plan.output("G2", 1)).isCloseTo(150, within(1e-3));
        assertThat(plan.binds(Binding.Kind.RAMP_UP, "G2", 1)).isTrue();
        assertThat(plan.binds(Binding.Kind.LINE, "1-3", 0)).isFalse();
        assertThat(plan.binds(Binding.Kind.LINE, "1-3", 1)).isTrue();
        // interval 0 is uncongested and G1 marginal: 10 everywhere
        assertThat(plan.prices().get(0).values()).allSatisfy(p -> assertThat(p).isCloseTo(10, within(1e-3)));
        // interval 1, by hand: +1 MW at bus 3 needs G1 −1, G2 +2 (line held at 150), and G2's 2 MW more
        // must be pre-ramped in interval 0 (G2 +2, G1 −2): −10 + 40 + 40 − 20 = 50; at bus 2: G2 +1 in both
        // intervals, G1 −1 in interval 0: 20 + 20 − 10 = 30; at bus 1: G1 +1 = 10
        assertThat(plan.prices().get(1).get(1)).isCloseTo(10, within(1e-3));
        assertThat(plan.prices().get(1).get(2)).isCloseTo(30, within(1e-3));
        assertThat(plan.prices().get(1).get(3)).isCloseTo(50, within(1e-3));
    }

    @Test
    void lineLimitsThatNoDispatchCanMeetAreNamed() throws Exception {
        MatpowerCase mpc = load("case3_congested.m");
        Network n = mpc.network();
        // all lines into bus 3 limited to 100 MW: at most 200 MW can reach the 300 MW load
        Network starved = new Network(n.baseMva(), n.buses(), n.slackBus(), n.lines().stream()
                .map(l -> l.to() == 3 ? new Line(l.id(), l.from(), l.to(), l.x(), 100) : l).toList());
        assertThatThrownBy(() -> EconomicDispatch.solve(mpc.units(), mpc.demand(), starved, PlanOptions.defaults()))
                .isInstanceOf(InfeasibleDispatchException.class)
                .hasMessageStartingWith("line limits make the demand infeasible: without them line 1-3 would carry");
    }

    @Test
    void demandAtABusOutsideTheNetworkIsRefused() throws Exception {
        MatpowerCase mpc = load("case3_congested.m");
        Demand d = Demand.snapshot(Map.of(3, 100.0, 9, 10.0));
        assertThatThrownBy(() -> EconomicDispatch.solve(mpc.units(), d, mpc.network(), PlanOptions.defaults()))
                .hasMessage("demand at bus 9, which is not in the network");
        assertThatThrownBy(() -> EconomicDispatch.solve(mpc.units(), Demand.total(1, 100), mpc.network(),
                PlanOptions.defaults())).hasMessage("a network needs demand per bus, not a system total");
        assertThat(List.of(mpc.network().slackBus())).containsExactly(1);
    }
}
