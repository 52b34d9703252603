package org.energychain.dispatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.dispatch.plan.DcPowerFlow;
import org.energychain.dispatch.plan.Line;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.energychain.dispatch.plan.Network;
import org.energychain.dispatch.plan.SyntheticGrid;
import org.energychain.dispatch.plan.Unit;
import org.energychain.dispatch.sim.SimulatedSource;
import org.energychain.dispatch.sim.SourceMix;
import org.junit.jupiter.api.Test;

class NetworkPlannerTest {
    @Test
    void aNetworkAwarePlanPassesTheContractsChecksAndKeepsEveryLine() throws Exception {
        MatpowerCase c = MatpowerReader.parse("g", SyntheticGrid.matpower(30, 47, 40, 1_080, 3));
        Network net = c.network();
        List<SimulatedSource> srcs = SourceMix.fromCase(c, 3);
        List<Participant> ps = new ArrayList<>();
        Map<String, SourcePolicy> pol = new HashMap<>();
        srcs.forEach(s -> {
            ps.add(new Participant(s.id(), 0, 0, 0, s.policy().priceMilli(), 0, s.policy()));
            pol.put(s.id(), s.policy());
        });
        Map<String, Integer> busOf = new HashMap<>();
        for (Unit u : c.units()) {
            busOf.put(u.id(), u.bus());
        }
        Map<Integer, Double> loads = c.demand().loads().get(0);
        double total = loads.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Integer, Double> share = new HashMap<>();
        loads.forEach((b, mw) -> share.put(b, mw / total));
        List<Long> profile = SourceMix.dailyProfile(24, Math.round(total * 1000), 3);
        ProposeArgs plan = NetworkPlanner.plan("d", 1, profile, 60, ps, Set.of(), 50_000, net, busOf, share);
        NegotiationContract.checkPlan(new PostDemandArgs("d", "p", 60, profile, List.of(), 1, 0), 0, pol, plan);
        ProposeArgs copper = MeritOrderPlanner.plan("d", 1, profile, ps, Set.of(), 50_000);
        assertThat(overloads(net, plan, busOf, loads, total, profile)).isZero();
        assertThat(overloads(net, copper, busOf, loads, total, profile)).isPositive();
    }

    @Test
    void theDemosDayOfFortySourcesIsPlannedWithinEveryLine() throws Exception {
        // bin/energychain demo, step 15: 30 buses, 40 sources, 96 quarter-hours, seed 7. GLOP's incremental
        // re-solve after the added line rows never returned here, and solved anew it reported numerical trouble
        // (PTDF rounding noise of 1e-17 in the rows) that was taken for infeasibility
        MatpowerCase c = MatpowerReader.parse("generated", SyntheticGrid.matpower(30, 47, 40, 36.0 * 30, 7));
        List<SimulatedSource> srcs = SourceMix.fromCase(c, 7);
        List<Participant> ps = new ArrayList<>();
        srcs.forEach(s -> ps.add(new Participant(s.id(), 0, 0, 0, s.policy().priceMilli(), 0, s.policy())));
        Map<String, Integer> busOf = new HashMap<>();
        c.units().forEach(u -> busOf.put(u.id(), u.bus()));
        Map<Integer, Double> loads = c.demand().loads().get(0);
        double total = loads.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Integer, Double> share = new HashMap<>();
        loads.forEach((b, mw) -> share.put(b, mw / total));
        List<Long> profile = SourceMix.dailyProfile(96, Math.round(total * 1000), 7);
        ProposeArgs plan = NetworkPlanner.plan("d", 1, profile, 15, ps, Set.of(), 50_000, c.network(), busOf, share);
        assertThat(overloads(c.network(), plan, busOf, loads, total, profile)).isZero();
    }

    @Test
    void theWholeHorizonPlanRampsAheadOfThePeakAndPassesTheContractsLineCheck() throws Exception {
        // A: cheap, no ramp limit, 50 MW; B: medium, 100 MW, ramps 20 MW per interval; C: a 100 MW peaker.
        // Demand 50, 50, 70, 130 MW. Interval by interval (no look-ahead) B stays off while A covers the load,
        // can then only reach 40 MW at the peak, and the peaker must run; the whole horizon as one programme
        // starts B early (20, 40, 60, 80 MW, a few kW more for the planner's 1 kW ramp margin).
        SourcePolicy a = new SourcePolicy(org.energychain.dispatch.weight.Technology.HYDRO, 0, 50_000, 0, 10_000, 0);
        SourcePolicy b = new SourcePolicy(org.energychain.dispatch.weight.Technology.COAL, 0, 100_000, 20_000, 20_000, 0);
        SourcePolicy c = new SourcePolicy(org.energychain.dispatch.weight.Technology.GAS, 0, 100_000, 0, 100_000, 0);
        List<Participant> ps = List.of(new Participant("A", 0, 0, 0, 10_000, 0, a),
                new Participant("B", 0, 0, 0, 20_000, 0, b), new Participant("C", 0, 0, 0, 100_000, 0, c));
        Network net = new Network(100, List.of(1, 2), 1, List.of(new Line("1-2", 1, 2, 0.1, 200)));
        Map<String, Integer> busOf = Map.of("A", 1, "B", 1, "C", 1);
        List<Long> profile = List.of(50_000L, 50_000L, 70_000L, 130_000L);
        ProposeArgs plan = NetworkPlanner.plan("d", 1, profile, 60, ps, Set.of(), 0, net, busOf, Map.of(2, 1.0));
        Map<String, List<Long>> rows = new HashMap<>();
        plan.plan().forEach(r -> rows.put(r.sourceId(), r.kw()));
        long[] ahead = {20_000, 40_000, 60_000, 80_000};
        for (int t = 0; t < 4; t++) {
            assertThat(rows.get("B").get(t)).as("B in " + t).isBetween(ahead[t], ahead[t] + 5);
        }
        assertThat(rows.containsKey("C") ? rows.get("C") : List.of(0L, 0L, 0L, 0L)).containsOnly(0L);
        NegotiationContract.checkPlan(new PostDemandArgs("d", "p", 60, profile, List.of(), 1, 0), 0,
                Map.of("A", a, "B", b, "C", c), plan);
        // the contract's own line check of the published grid agrees
        GridArgs grid = new GridArgs("two", 1, List.of(new GridArgs.Bus(1, 0), new GridArgs.Bus(2, 1_000_000)),
                List.of(new GridArgs.Branch("1-2", 1, 2, 100_000, 130_000)),
                List.of(new GridArgs.SourceBus("A", 1), new GridArgs.SourceBus("B", 1), new GridArgs.SourceBus("C", 1)), 0);
        assertThat(GridModel.of(grid).check(profile, plan)).isNull();
        GridArgs tight = new GridArgs("two", 1, grid.buses(),
                List.of(new GridArgs.Branch("1-2", 1, 2, 100_000, 129_999)), grid.sources(), 0);
        assertThat(GridModel.of(tight).check(profile, plan)).isEqualTo(new GridModel.Overload("1-2", 3, 130_000, 129_999));
    }

    static int overloads(Network net, ProposeArgs plan, Map<String, Integer> busOf, Map<Integer, Double> loads,
            double total, List<Long> profile) {
        int over = 0;
        for (int t = 0; t < profile.size(); t++) {
            double scale = profile.get(t) / 1000.0 / total;
            Map<Integer, Double> inj = new HashMap<>();
            loads.forEach((b, mw) -> inj.merge(b, -mw * scale, Double::sum));
            for (PlanRow r : plan.plan()) {
                inj.merge(busOf.get(r.sourceId()), r.kw().get(t) / 1000.0, Double::sum);
            }
            Map<String, Double> f = DcPowerFlow.flows(net, inj);
            for (Line l : net.lines()) {
                if (l.limited() && Math.abs(f.get(l.id())) > l.rateMw() * 1.001) {
                    over++;
                }
            }
        }
        return over;
    }
}
