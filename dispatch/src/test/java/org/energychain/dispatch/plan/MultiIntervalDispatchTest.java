package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.energychain.dispatch.weight.Technology;
import org.junit.jupiter.api.Test;

/** Intervals coupled by ramp limits, wind and solar forecasts, and the clean-energy preference. */
class MultiIntervalDispatchTest {

    @Test
    void rampLimitsAreRespectedAndReportedWhereTheyBind() {
        // cheap slow coal, expensive fast gas; load jumps from 200 to 400 MW
        Unit coal = Unit.quadratic("coal", 1, 50, 400, 0, 10, 0).withRamp(50, 50);
        Unit gas = Unit.quadratic("gas", 1, 0, 400, 0, 40, 0);
        DispatchPlan plan = EconomicDispatch.solve(List.of(coal, gas), Demand.total(1, 200, 400, 400, 400),
                PlanOptions.defaults());

        for (int t = 1; t < 4; t++) {
            assertThat(plan.output("coal", t) - plan.output("coal", t - 1)).isLessThanOrEqualTo(50 + 1e-6);
        }
        assertThat(plan.output("coal", 0)).isCloseTo(200, within(1e-3));
        assertThat(plan.output("coal", 1)).isCloseTo(250, within(1e-3));
        assertThat(plan.output("coal", 2)).isCloseTo(300, within(1e-3));
        assertThat(plan.output("gas", 1)).isCloseTo(150, within(1e-3));
        assertThat(plan.binds(Binding.Kind.RAMP_UP, "coal", 1)).isTrue();
        assertThat(plan.binds(Binding.Kind.RAMP_UP, "coal", 3)).isTrue();
        // gas is the marginal unit while coal is ramp-bound
        assertThat(plan.lambda().get(1)).isCloseTo(40, within(1e-6));
        // one more MW at t = 0 lets coal start higher and save 30 $/MWh of gas in each of the three ramping
        // intervals that follow: the marginal value of load at t = 0 is 10 − 3·30 = −80 $/MWh
        assertThat(plan.lambda().get(0)).isCloseTo(-80, within(1e-3));
    }

    @Test
    void withoutRampLimitsTheCheapUnitJumpsAtOnce() {
        Unit coal = Unit.quadratic("coal", 1, 50, 400, 0, 10, 0);
        Unit gas = Unit.quadratic("gas", 1, 0, 400, 0, 40, 0);
        DispatchPlan plan = EconomicDispatch.solve(List.of(coal, gas), Demand.total(1, 200, 400),
                PlanOptions.defaults());
        assertThat(plan.output("coal", 1)).isCloseTo(400, within(1e-3));
        assertThat(plan.binding()).noneMatch(b -> b.kind() == Binding.Kind.RAMP_UP);
    }

    @Test
    void aRampThatCannotFollowTheLoadIsNamed() {
        Unit coal = Unit.quadratic("coal", 1, 50, 400, 0, 10, 0).withRamp(50, 50);
        Unit gas = Unit.quadratic("gas", 1, 0, 100, 0, 40, 0).withRamp(20, 20);
        assertThatThrownBy(() -> EconomicDispatch.solve(List.of(coal, gas), Demand.total(0.25, 100, 300),
                PlanOptions.defaults()))
                .isInstanceOf(InfeasibleDispatchException.class)
                .hasMessage("interval 1: demand 300 MW exceeds the 170 MW the units can reach within their ramp-up limits");
    }

    @Test
    void withoutRampsEachIntervalIsTheSingleIntervalOptimum() {
        double[] loads = {320, 850, 1000, 1199};
        DispatchPlan plan = EconomicDispatch.solve(EconomicDispatchTest.example3A(), Demand.total(0.5, loads),
                PlanOptions.defaults());
        double cost = 0;
        for (int t = 0; t < loads.length; t++) {
            DispatchPlan one = EconomicDispatch.solve(EconomicDispatchTest.example3A(), Demand.total(0.5, loads[t]),
                    PlanOptions.defaults());
            for (String id : List.of("1", "2", "3")) {
                assertThat(plan.output(id, t)).isCloseTo(one.output(id, 0), within(1e-6));
            }
            assertThat(plan.lambda().get(t)).isCloseTo(one.lambda().get(0), within(1e-9));
            cost += one.cost();
        }
        assertThat(plan.cost()).isCloseTo(cost, within(1e-6));
        assertThat(plan.binds(Binding.Kind.UNIT_MAX, "1", 3)).isTrue();
        assertThatThrownBy(() -> EconomicDispatch.solve(EconomicDispatchTest.example3A(),
                Demand.total(0.5, 850, 900, 1300), PlanOptions.defaults()))
                .hasMessage("interval 2: demand 1300 MW exceeds total capacity 1200 MW");
    }

    @Test
    void zeroCostWindIsUsedUpToItsForecastBeforeThermal() {
        List<Double> forecast = List.of(0.0, 80.0, 150.0, 300.0);
        Unit wind = Unit.variable("wind", 1, 250, forecast);
        Unit gas = Unit.quadratic("gas", 1, 0, 400, 0.01, 30, 100).withEmissions(0.4, false);
        DispatchPlan plan = EconomicDispatch.solve(List.of(wind, gas), Demand.total(0.25, 200, 200, 200, 200),
                PlanOptions.defaults());

        assertThat(plan.output("wind", 0)).isCloseTo(0, within(1e-3));
        assertThat(plan.output("wind", 1)).isCloseTo(80, within(1e-3));
        assertThat(plan.output("wind", 2)).isCloseTo(150, within(1e-3));
        assertThat(plan.output("wind", 3)).isCloseTo(200, within(1e-3)); // limited by demand, not forecast
        assertThat(plan.binds(Binding.Kind.AVAILABILITY, "wind", 1)).isTrue();
        assertThat(plan.binds(Binding.Kind.AVAILABILITY, "wind", 3)).isFalse();

        double windMwh = 0.25 * (0 + 80 + 150 + 200);
        double gasMwh = 0.25 * 800 - windMwh;
        assertThat(plan.emissions()).isCloseTo(0.4 * gasMwh, within(1e-3));
        assertThat(plan.cleanShare()).isCloseTo(100 * windMwh / 200, within(1e-3));
        double cost = 0;
        for (int t = 0; t < 4; t++) {
            cost += 0.25 * gas.cost().cost(plan.output("gas", t));
        }
        assertThat(plan.cost()).isCloseTo(cost, within(1e-6));
    }

    @Test
    void aCo2PriceShiftsOutputFromCoalToGas() {
        Unit coal = Unit.quadratic("coal", 1, 0, 300, 0.01, 20, 0).withEmissions(0.95, false);
        Unit gas = Unit.quadratic("gas", 1, 0, 300, 0.01, 30, 0).withEmissions(0.40, false);
        Demand d = Demand.total(1, 300);

        DispatchPlan cheap = EconomicDispatch.solve(List.of(coal, gas), d, PlanOptions.defaults());
        DispatchPlan clean = EconomicDispatch.solve(List.of(coal, gas), d, PlanOptions.defaults().withCo2Price(40));

        // no CO2 price: 2·0.01·Pc + 20 = 2·0.01·Pg + 30, Pc + Pg = 300 -> Pc = 400, capped: Pc = 300
        assertThat(cheap.output("coal", 0)).isCloseTo(300, within(1e-3));
        // 40 $/t: coal 20 + 38 = 58, gas 30 + 16 = 46 -> 0.02·Pc + 58 = 0.02·Pg + 46 -> Pg − Pc = 600: gas 300
        assertThat(clean.output("gas", 0)).isCloseTo(300, within(1e-3));
        assertThat(clean.emissions()).isLessThan(cheap.emissions());
        assertThat(clean.cost()).isGreaterThan(cheap.cost()); // reported cost excludes the CO2 price
        assertThat(clean.cost()).isCloseTo(gas.cost().cost(300), within(1e-6));
    }

    @Test
    void technologiesGiveEmissionsAndCleanShareFromTheIpccTable() {
        Unit coal = Unit.quadratic("coal", 1, 0, 100, 0, 20, 0).withTechnology(Technology.COAL);
        Unit hydro = Unit.quadratic("hydro", 1, 0, 50, 0, 5, 0).withTechnology(Technology.HYDRO);
        Unit bio = Unit.quadratic("bio", 1, 0, 50, 0, 10, 0).withTechnology(Technology.BIOMASS);
        DispatchPlan plan = EconomicDispatch.solve(List.of(coal, hydro, bio), Demand.total(2, 150),
                PlanOptions.defaults());

        // hydro 50, biomass 50, coal 50 MW for 2 h
        assertThat(plan.emissions()).isCloseTo(2 * (50 * 0.820 + 50 * 0.024 + 50 * 0.230), within(1e-6));
        assertThat(plan.cleanShare()).isCloseTo(100.0 / 3, within(1e-6));
        assertThat(hydro.clean()).isTrue();
        assertThat(bio.clean()).isFalse();
    }

    @Test
    void aDayOfQuarterHoursSolves() {
        int n = 96;
        double[] load = new double[n];
        List<Double> solar = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double hour = t / 4.0;
            load[t] = 600 + 250 * Math.sin(Math.PI * (hour - 6) / 18) * (hour >= 6 ? 1 : 0.2);
            solar.add(Math.max(0, 300 * Math.sin(Math.PI * (hour - 6) / 12)) * (hour >= 6 && hour <= 18 ? 1 : 0));
        }
        List<Unit> units = List.of(
                Unit.variable("pv", 1, 300, solar),
                Unit.quadratic("coal", 1, 200, 600, 0.002, 18, 500).withRamp(15, 15).withEmissions(0.95, false),
                Unit.quadratic("gas", 1, 0, 400, 0.004, 35, 200).withRamp(100, 100).withEmissions(0.40, false));
        DispatchPlan plan = EconomicDispatch.solve(units, Demand.total(0.25, load), PlanOptions.defaults());

        for (int t = 0; t < n; t++) {
            double sum = 0;
            for (Unit u : units) {
                sum += plan.output(u.id(), t);
                assertThat(plan.output(u.id(), t)).isBetween(u.lower(t) - 1e-6, u.upper(t) + 1e-6);
            }
            assertThat(sum).isCloseTo(load[t], within(1e-4));
            if (t > 0) {
                assertThat(Math.abs(plan.output("coal", t) - plan.output("coal", t - 1))).isLessThanOrEqualTo(15 + 1e-6);
            }
        }
        assertThat(plan.cleanShare()).isBetween(1.0, 99.0);
    }
}
