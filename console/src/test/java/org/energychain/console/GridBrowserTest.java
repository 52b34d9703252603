package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.dispatch.negotiation.DemandRecord;
import org.energychain.dispatch.negotiation.DemandRef;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.DispatchRoles;
import org.energychain.dispatch.negotiation.MeritOrderPlanner;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.energychain.dispatch.negotiation.PlanRow;
import org.energychain.dispatch.negotiation.PostDemandArgs;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.negotiation.SourcePolicy;
import org.energychain.dispatch.negotiation.VoteArgs;
import org.energychain.dispatch.weight.Technology;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The grid and sources page on the grid company's node of a dispatch chain where a demand was negotiated
 * and committed (a clean plan, proposed with a CO2 price, accepted by the sources' votes): the chart of the
 * committed plan stacks exactly the plan's kW by technology over the intervals with the demand line, the
 * weights chart shows V_k, and the plan's cost, emissions and clean share stand beside the merit order's.
 */
class GridBrowserTest {
    static final Map<String, KeyPair> KEYS = new LinkedHashMap<>();
    static final List<Long> DEMAND = List.of(3_000L, 5_000L, 4_000L, 2_000L);
    static ConsoleNode node;
    static Browser browser;
    static DemandState committed;
    static final Map<String, Long> NONCES = new HashMap<>();

    static void send(String sender, String method, byte[] args) throws Exception {
        long nonce = NONCES.merge(sender, 1L, Long::sum) - 1;
        assertThat(ConsoleNode.commit(node.node, "dispatch", sender, KEYS.get(sender).privateKey(), nonce,
                NegotiationContract.NAME, method, args)).as(method + " by " + sender).isZero();
    }

    static DemandState state() throws Exception {
        return DemandState.decode(MemberWrites.query(node.node.chain("dispatch").orElseThrow(), NegotiationContract.NAME,
                NegotiationContract.DEMAND, DemandRef.of("d1").encode()));
    }

    @BeforeAll
    static void start() throws Exception {
        SecureRandom rnd = new SecureRandom();
        for (String id : List.of("grid", "coal1", "gas1", "wind1")) {
            KEYS.put(id, ConsoleNode.SUITE.signatures().generateKeyPair(rnd));
        }
        Genesis g = new Genesis("dispatch", ConsoleNode.SUITE.name(), true, ConsoleNode.T0,
                List.of(new Member("grid", Set.of(DispatchRoles.GRID), KEYS.get("grid").publicKey()),
                        new Member("coal1", Set.of(DispatchRoles.PLANT), KEYS.get("coal1").publicKey()),
                        new Member("gas1", Set.of(DispatchRoles.PLANT), KEYS.get("gas1").publicKey()),
                        new Member("wind1", Set.of(DispatchRoles.PLANT), KEYS.get("wind1").publicKey())),
                List.of(NodeInfo.solo("grid-node", "grid", KEYS.get("grid").publicKey())),
                List.of(new Validator("grid-node", 10)), List.of(NegotiationContract.NAME),
                new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20)));
        node = new ConsoleNode(g, "grid", KEYS.get("grid").privateKey());
        send("coal1", NegotiationContract.PUBLISH_POLICY, new SourcePolicy(Technology.COAL, 0, 10_000, 0, 30_000, 0).encode());
        send("gas1", NegotiationContract.PUBLISH_POLICY, new SourcePolicy(Technology.GAS, 0, 10_000, 0, 45_000, 0).encode());
        send("wind1", NegotiationContract.PUBLISH_POLICY,
                new SourcePolicy(Technology.WIND_ONSHORE, 0, 4_000, 0, 60_000, 0).encode());
        send("grid", NegotiationContract.POST_DEMAND,
                new PostDemandArgs("d1", "2026-06-02", 60, DEMAND, List.of(), 3, 0).encode());
        DemandState s = state();
        String proposer = s.record().rounds().get(0).proposer();
        ProposeArgs plan = MeritOrderPlanner.plan("d1", 1, DEMAND, s.participants(), Set.of(), 100_000);
        send(proposer, NegotiationContract.PROPOSE, plan.encode());
        for (String voter : List.of("wind1", "gas1", "coal1")) {
            if (state().record().status() != DemandRecord.Status.OPEN) {
                break;
            }
            send(voter, NegotiationContract.VOTE, new VoteArgs("d1", 1, true).encode());
        }
        committed = state();
        assertThat(committed.record().status()).isEqualTo(DemandRecord.Status.COMMITTED);
        browser = new Browser(1280, 800);
        browser.logIn(node);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    @Test
    void aChartShowsTheCommittedPlanByTechnologyWithTheDemandLine() throws Exception {
        browser.driver.get(node.url("/console/grid.html"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("metrics-table")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) browser.driver.executeScript(
                "return Chart.getChart('plan-chart').data.datasets.map(d => ({label: d.label, data: d.data}));");
        Map<String, List<Long>> expected = new LinkedHashMap<>();
        expected.put("demand (kW)", DEMAND);
        Map<String, String> tech = Map.of("coal1", "coal", "gas1", "gas", "wind1", "wind-onshore");
        ProposeArgs plan = committed.plans().get(committed.record().committedRound() - 1);
        for (PlanRow row : plan.plan()) {
            List<Long> sum = expected.computeIfAbsent(tech.get(row.sourceId()) + " (kW)",
                    k -> new java.util.ArrayList<>(List.of(0L, 0L, 0L, 0L)));
            for (int i = 0; i < row.kw().size(); i++) {
                sum.set(i, sum.get(i) + row.kw().get(i));
            }
        }
        Map<String, List<Long>> shown = new LinkedHashMap<>();
        for (Map<String, Object> d : datasets) {
            @SuppressWarnings("unchecked")
            List<Number> values = (List<Number>) d.get("data");
            shown.put((String) d.get("label"), values.stream().map(Number::longValue).toList());
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(shown).containsKey("wind-onshore (kW)");
        @SuppressWarnings("unchecked")
        List<Object> labels = (List<Object>) browser.driver.executeScript("return Chart.getChart('plan-chart').data.labels;");
        assertThat(labels).containsExactly("00:00", "01:00", "02:00", "03:00");
        @SuppressWarnings("unchecked")
        List<Number> weights = (List<Number>) browser.driver.executeScript(
                "return Chart.getChart('weights-chart').data.datasets[0].data;");
        assertThat(weights.stream().mapToDouble(Number::doubleValue).sum()).isCloseTo(100.0,
                org.assertj.core.data.Offset.offset(0.001));
        String metrics = browser.driver.findElement(By.id("metrics-table")).getText();
        assertThat(metrics).contains("energy 14.000 MWh 14.000 MWh").contains("clean share");
        assertThat(browser.driver.findElement(By.id("rounds-table")).getText()).contains("accepted");
        browser.screenshot("grid-plan");
    }
}
