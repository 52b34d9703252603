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
