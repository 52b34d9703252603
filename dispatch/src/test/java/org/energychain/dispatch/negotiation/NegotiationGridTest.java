package org.energychain.dispatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.energychain.dispatch.plan.Ptdf;
import org.energychain.ledger.exec.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grid on chain: published by GRID, plans whose DC flows overload a line refused with line and interval. */
class NegotiationGridTest {
    final NegoNet net = new NegoNet();

    @BeforeEach
    void governanceWeights() {
        net.socialWeights(Map.of("p1", 300_000L, "p2", 300_000L, "p3", 200_000L, "g1", 200_000L));
    }

    @AfterEach
    void close() {
        net.close();
    }

    /**
     * A triangle of equal reactances; all load at bus 3; p1 at bus 1 (the reference), p2 at bus 2, p3 and g1
     * at bus 3. Line 1-3 is limited to 400 kW: what p1 and p2 send to bus 3 splits 2/3 direct, 1/3 around.
     */
    static GridArgs triangle(long rate13) {
        return new GridArgs("tri", 1, List.of(new GridArgs.Bus(1, 0), new GridArgs.Bus(2, 0),
                new GridArgs.Bus(3, 1_000_000)),
                List.of(new GridArgs.Branch("1-2", 1, 2, 100_000, 0), new GridArgs.Branch("1-3", 1, 3, 100_000, rate13),
                        new GridArgs.Branch("2-3", 2, 3, 100_000, 0)),
                List.of(new GridArgs.SourceBus("p1", 1), new GridArgs.SourceBus("p2", 2), new GridArgs.SourceBus("p3", 3),
                        new GridArgs.SourceBus("g1", 3)), 1_000);
    }

    String posted(String id) throws Exception {
        NegotiationContractTest.ok(net.post("grid", NegotiationContractTest.demand(id, NegotiationContractTest.FOUR, 3)));
        return net.state(id).current().proposer();
    }

    @Test
    void aPlanThatOverloadsALineIsRefusedNamingTheLineAndTheInterval() throws Exception {
        NegotiationContractTest.ok(net.submit("grid", NegotiationContract.PUBLISH_GRID, triangle(400).encode()));
        String proposer = posted("d1");
        // even plan: interval 1 (2,500 kW) has p1 625 kW at bus 1 and p2 625 kW at bus 2: line 1-3 carries
        // 2/3·625 + 1/3·625 = 625 kW > 400 kW; interval 0 (1,000 kW) only 250 kW
        Receipt r = net.propose(proposer, "d1", 1, NegotiationContractTest.evenPlan());
        NegotiationContractTest.refused(r, NegotiationCodes.LINE_OVERLOAD);
        assertThat(r.result().message()).isEqualTo("propose: line 1-3 carries 625 kW in interval 1, its limit is 400 kW "
                + "(grid tri, DC flow)");
        // the same energy from the sources at the load's bus moves nothing over the lines
        List<PlanRow> local = List.of(new PlanRow("p3", List.of(500L, 1_250L, 0L)),
                new PlanRow("g1", List.of(500L, 1_250L, 0L)));
        NegotiationContractTest.ok(net.propose(proposer, "d1", 1, local));
    }

    @Test
    void withoutAGridTheSamePlanPassesAndTheToleranceCoversRounding() throws Exception {
        String proposer = posted("d2");
        NegotiationContractTest.ok(net.propose(proposer, "d2", 1, NegotiationContractTest.evenPlan()));
        // the fixed-point flow is 625.0006 kW: within a 625 kW limit thanks to the 1,000 ppm tolerance, over 624 kW
        GridModel at = GridModel.of(triangle(625));
        assertThat(at.check(NegotiationContractTest.PROFILE, plan("d", NegotiationContractTest.evenPlan()))).isNull();
        GridModel below = GridModel.of(triangle(624));
        assertThat(below.check(NegotiationContractTest.PROFILE, plan("d", NegotiationContractTest.evenPlan())))
                .as("624 kW · 1.001 = 624.6 kW < 625 kW").isEqualTo(new GridModel.Overload("1-3", 1, 625, 624));
    }

    private static ProposeArgs plan(String demand, List<PlanRow> rows) {
        List<Long> prices = new ArrayList<>();
        NegotiationContractTest.PROFILE.forEach(p -> prices.add(40_000L));
        return new ProposeArgs(demand, 1, rows, prices);
    }

    @Test
    void aSourceThatRunsWithoutABusIsRefused() throws Exception {
        GridArgs g = triangle(10_000);
        GridArgs noG1 = new GridArgs(g.gridId(), g.slackBus(), g.buses(), g.branches(), g.sources().subList(0, 3),
                g.tolerancePpm());
        NegotiationContractTest.ok(net.submit("grid", NegotiationContract.PUBLISH_GRID, noG1.encode()));
        String proposer = posted("d3");
        Receipt r = net.propose(proposer, "d3", 1, NegotiationContractTest.evenPlan());
        NegotiationContractTest.refused(r, NegotiationCodes.NOT_ON_GRID);
        assertThat(r.result().message()).isEqualTo("propose: source g1 runs but has no bus in grid tri");
    }

    @Test
    void onlyTheGridCompanyPublishesAndADisconnectedGridIsRefused() throws Exception {
        assertThat(net.offer("p1", NegotiationContract.PUBLISH_GRID, triangle(400).encode()).accepted()).isFalse();
        GridArgs g = triangle(400);
        GridArgs split = new GridArgs("split", 1, g.buses(), g.branches().subList(0, 1), g.sources(), 1_000);
        Receipt r = net.submit("grid", NegotiationContract.PUBLISH_GRID, split.encode());
        assertThat(r.result().code()).isEqualTo(NegotiationCodes.INVALID);
        assertThat(r.result().message()).isEqualTo("publish-grid: bus 3 is islanded: no in-service branch connects it "
                + "to the reference bus 1");
        assertThatThrownBy(() -> new GridArgs("x", 1, List.of(new GridArgs.Bus(1, 999_999)), List.of(), List.of(), 0))
                .hasMessage("load shares sum to 999999 ppm, not 1,000,000");
    }

    /**
     * Golden vector: the fixed-point factors of case9 (all its lines limited) as every node computes them. A
     * change of this hash is a consensus change (docs/dispatch.md, "The grid on chain").
     */
    @Test
    void theFactorsOfCase9AreFixedBitForBit() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(Path.of(getClass().getResource("/matpower/case9.m").toURI()));
        Map<String, Integer> buses = new HashMap<>();
        mpc.units().forEach(u -> buses.put(u.id(), u.bus()));
        GridArgs g = GridArgs.fromCase("case9", mpc, buses, 1_000);
        assertThat(GridArgs.decode(g.encode())).isEqualTo(g);
        GridModel m = GridModel.of(g);
        Ptdf exact = Ptdf.of(g.network());
        for (int k = 0; k < g.branches().size(); k++) {
            for (int b = 0; b < g.buses().size(); b++) {
                assertThat((double) m.factor(k, b)).isCloseTo(exact.factor(k, exact.busIndex(g.buses().get(b).bus())) * 1e6,
                        org.assertj.core.api.Assertions.within(0.5));
            }
        }
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(m.encodeFactors());
        assertThat(HexFormat.of().formatHex(hash)).isEqualTo("38f0d730353391ffe6bb212f2f7a464d54af247feb0e56d427f2ced15b1f5a7a");
        assertThat(GridModel.decode(g, m.encodeFactors()).encodeFactors()).isEqualTo(m.encodeFactors());
    }
}
