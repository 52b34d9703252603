package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-interval economic dispatch against published textbook results. */
class EconomicDispatchTest {

    /**
     * Wood, Wollenberg and Sheblé, "Power Generation, Operation and Control", Example 3A: three thermal
     * units (oil/coal fired) at 850 MW.
     */
    static List<Unit> example3A() {
        return List.of(
                Unit.quadratic("1", 1, 150, 600, 0.001562, 7.92, 561),
                Unit.quadratic("2", 1, 100, 400, 0.00194, 7.85, 310),
                Unit.quadratic("3", 1, 50, 200, 0.00482, 7.97, 78));
    }

    @Test
    void woodWollenbergExample3AMatchesThePublishedSolution() {
        DispatchPlan plan = EconomicDispatch.solve(example3A(), Demand.total(1, 850), PlanOptions.defaults());

        // published: P1 = 393.2, P2 = 334.6, P3 = 122.2 MW, lambda = 9.148 $/MWh
        assertThat(plan.output("1", 0)).isCloseTo(393.2, within(0.1));
        assertThat(plan.output("2", 0)).isCloseTo(334.6, within(0.1));
        assertThat(plan.output("3", 0)).isCloseTo(122.2, within(0.1));
        assertThat(plan.lambda().get(0)).isCloseTo(9.148, within(0.001));
        double expectedCost = 0;
        for (Unit u : example3A()) {
            expectedCost += u.cost().cost(plan.output(u.id(), 0));
        }
        assertThat(plan.cost()).isCloseTo(expectedCost, within(1e-6));
        assertThat(plan.cost()).isCloseTo(8194.36, within(0.05));
        assertThat(plan.binding()).isEmpty();
    }

    /**
     * The same example with unit 1's coal at 0.9 instead of 1.1 $/MBtu (H1 = 510 + 7.2 P + 0.00142 P²,
     * so F1 = 459 + 6.48 P + 0.00128 P²): unit 1 would want 704.6 MW, is held at its 600 MW limit, and the
     * published answer is P2 = 187.1, P3 = 62.9 MW. Checked also against an independent lambda iteration.
     */
    @Test
    void aUnitAtItsLimitIsHeldThereAndTheOthersShareTheRest() {
        List<Unit> units = List.of(
                Unit.quadratic("1", 1, 150, 600, 0.00128, 6.48, 459),
                Unit.quadratic("2", 1, 100, 400, 0.00194, 7.85, 310),
                Unit.quadratic("3", 1, 50, 200, 0.00482, 7.97, 78));
        DispatchPlan plan = EconomicDispatch.solve(units, Demand.total(1, 850), PlanOptions.defaults());

        assertThat(plan.output("1", 0)).isCloseTo(600, within(1e-3));
        assertThat(plan.output("2", 0)).isCloseTo(187.1, within(0.1));
        assertThat(plan.output("3", 0)).isCloseTo(62.9, within(0.1));
        assertThat(plan.binds(Binding.Kind.UNIT_MAX, "1", 0)).isTrue();

        double lambda = lambdaIteration(units, 850);
        for (Unit u : units) {
            assertThat(plan.output(u.id(), 0)).isCloseTo(outputAt(u, lambda), within(0.01));
        }
        assertThat(plan.lambda().get(0)).isCloseTo(lambda, within(1e-4));
        // the limited unit's own marginal cost is below the system lambda: that is why it is at its max
        assertThat(units.get(0).cost().marginal(600)).isLessThan(lambda);
    }

    @Test
    void higherLoadsFollowTheIndependentLambdaIteration() {
        for (double load : new double[] {320, 500, 1000, 1150, 1199}) {
            DispatchPlan plan = EconomicDispatch.solve(example3A(), Demand.total(1, load), PlanOptions.defaults());
            double lambda = lambdaIteration(example3A(), load);
            for (Unit u : example3A()) {
                assertThat(plan.output(u.id(), 0)).as("unit %s at %s MW", u.id(), load)
                        .isCloseTo(outputAt(u, lambda), within(0.01));
            }
            assertThat(plan.lambda().get(0)).as("lambda at %s MW", load).isCloseTo(lambda, within(1e-3));
        }
    }

    /**
     * Example 3A with the simplified loss formula P_L = 0.00003 P1² + 0.00009 P2² + 0.00012 P3² (Wood &
     * Wollenberg, Example 3C of the 2nd edition): published P1 = 435.2, P2 = 299.9, P3 = 130.7 MW, losses
     * 15.83 MW, lambda = 9.5284 $/MWh.
     */
    @Test
    void lossesFollowThePublishedPenaltyFactorSolution() {
        PlanOptions lossy = PlanOptions.defaults().withLosses(LossCoefficients.diagonal(0.00003, 0.00009, 0.00012));
        DispatchPlan plan = EconomicDispatch.solve(example3A(), Demand.total(1, 850), lossy);

        assertThat(plan.output("1", 0)).isCloseTo(435.2, within(0.1));
        assertThat(plan.output("2", 0)).isCloseTo(299.9, within(0.1));
        assertThat(plan.output("3", 0)).isCloseTo(130.7, within(0.1));
        assertThat(plan.losses().get(0)).isCloseTo(15.83, within(0.01));
        assertThat(plan.lambda().get(0)).isCloseTo(9.5284, within(0.001));
        double total = plan.output("1", 0) + plan.output("2", 0) + plan.output("3", 0);
        assertThat(total).isCloseTo(850 + plan.losses().get(0), within(1e-4));
        // the coordination equations hold: F_i'(P_i) = lambda·(1 − ∂P_L/∂P_i) for every unit
        double[] b = {0.00003, 0.00009, 0.00012};
        for (int i = 0; i < 3; i++) {
            Unit u = example3A().get(i);
            double p = plan.output(u.id(), 0);
            assertThat(u.cost().marginal(p)).isCloseTo(plan.lambda().get(0) * (1 - 2 * b[i] * p), within(1e-4));
        }
        assertThat(EconomicDispatch.solve(example3A(), Demand.total(1, 850), PlanOptions.defaults()).losses())
                .containsExactly(0.0);
    }

    @Test
    void demandAboveTotalCapacityNamesTheConstraint() {
        assertThatThrownBy(() -> EconomicDispatch.solve(example3A(), Demand.total(1, 1500), PlanOptions.defaults()))
                .isInstanceOf(InfeasibleDispatchException.class)
                .hasMessage("demand 1500 MW exceeds total capacity 1200 MW");
    }

    @Test
    void demandBelowTotalMinimumNamesTheConstraint() {
        assertThatThrownBy(() -> EconomicDispatch.solve(example3A(), Demand.total(1, 250), PlanOptions.defaults()))
                .isInstanceOf(InfeasibleDispatchException.class)
                .hasMessage("demand 250 MW is below the units' total minimum output 300 MW");
    }

    @Test
    void piecewiseLinearCostsFillTheCheapestSegmentsFirst() {
        // unit A: 10 $/MWh up to 100 MW, then 30 $/MWh; unit B: 20 $/MWh throughout
        Unit a = new Unit("A", 1, 0, 200, new CostCurve.PiecewiseLinear(new double[] {0, 100, 200},
                new double[] {0, 1000, 4000}), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, false, List.of());
        Unit b = Unit.quadratic("B", 1, 0, 200, 0, 20, 0);
        DispatchPlan plan = EconomicDispatch.solve(List.of(a, b), Demand.total(1, 250), PlanOptions.defaults());

        assertThat(plan.output("A", 0)).isCloseTo(100, within(1e-3));
        assertThat(plan.output("B", 0)).isCloseTo(150, within(1e-3));
        assertThat(plan.cost()).isCloseTo(1000 + 150 * 20, within(1e-3));
        assertThat(plan.lambda().get(0)).isCloseTo(20, within(1e-6));
    }

    @Test
    void nonConvexPiecewiseCostsAreRefused() {
        assertThatThrownBy(() -> new CostCurve.PiecewiseLinear(new double[] {0, 100, 200}, new double[] {0, 3000, 4000}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not convex");
    }

    // ---- independent check: classic lambda iteration by bisection ----

    static double outputAt(Unit u, double lambda) {
        CostCurve.Quadratic q = (CostCurve.Quadratic) u.cost();
        double p = q.a() > 0 ? (lambda - q.b()) / (2 * q.a()) : (lambda >= q.b() ? u.pMax() : u.pMin());
        return Math.max(u.pMin(), Math.min(u.pMax(), p));
    }

    static double lambdaIteration(List<Unit> units, double load) {
        double lo = 0;
        double hi = 1000;
        for (int k = 0; k < 200; k++) {
            double mid = (lo + hi) / 2;
            double total = 0;
            for (Unit u : units) {
                total += outputAt(u, mid);
            }
            if (total < load) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
