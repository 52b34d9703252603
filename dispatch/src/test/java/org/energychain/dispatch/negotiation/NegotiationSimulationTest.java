package org.energychain.dispatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sources vote by their {@link AcceptancePolicy}; each round's proposer proposes {@link AcceptancePolicy#fill}. */
class NegotiationSimulationTest {
    static final List<SourceWeight> W = List.of(new SourceWeight("g1", 200_000), new SourceWeight("p1", 300_000),
            new SourceWeight("p2", 250_000), new SourceWeight("p3", 250_000));
    final NegoNet net = new NegoNet();

    @AfterEach
    void close() {
        net.close();
    }

    /** Runs the negotiation to its end; checks every vote is the voter's policy and returns the final state. */
    DemandState run(String id, List<Long> profile, List<AcceptancePolicy> policies, int maxRounds) throws Exception {
        NegotiationContractTest.ok(net.post("load", new PostDemandArgs(id, "sim", profile, W, maxRounds)));
        for (int guard = 0; guard < maxRounds; guard++) {
            DemandState s = net.state(id);
            if (s.status() != DemandState.Status.OPEN) {
                return s;
            }
            Round r = s.current();
            List<PlanRow> plan = AcceptancePolicy.fill(profile, policies, r.proposer());
            NegotiationContractTest.ok(net.propose(r.proposer(), id, r.number(), plan));
            for (AcceptancePolicy p : policies) {
                NegotiationContractTest.ok(net.vote(p.sourceId(), id, r.number(), p.accepts(plan, profile.size())));
                DemandState after = net.state(id);
                if (after.status() != DemandState.Status.OPEN || after.current().number() != r.number()) {
                    break;
                }
            }
        }
        DemandState s = net.state(id);
        for (Round r : s.rounds()) {
            for (Vote v : r.votes()) {
                AcceptancePolicy p = policies.stream().filter(x -> x.sourceId().equals(v.voter())).findFirst()
                        .orElseThrow();
                assertThat(v.accept()).isEqualTo(p.accepts(r.plan(), profile.size()));
            }
        }
        return s;
    }

    @Test
    void feasiblePoliciesAreAllRespectedAndTheFirstPlanCommits() throws Exception {
        List<AcceptancePolicy> policies = List.of(new AcceptancePolicy("g1", 100, 600),
                new AcceptancePolicy("p1", 0, 1_500), new AcceptancePolicy("p2", 200, 1_000),
                new AcceptancePolicy("p3", 0, 800));
        List<Long> profile = List.of(1_000L, 2_500L, 1_200L, 300L);
        DemandState s = run("feasible", profile, policies, 3);
        assertThat(s.status()).isEqualTo(DemandState.Status.COMMITTED);
        assertThat(s.committedRound()).isEqualTo(1);
        assertThat(policies).allMatch(p -> p.accepts(s.committedPlan(), profile.size()));
        assertThat(s.current().votes()).allMatch(Vote::accept);
    }

    @Test
    void whenMaximaFallShortTheMajorityCommitsAPlanOverloadingTheProposer() throws Exception {
        List<AcceptancePolicy> policies = List.of(new AcceptancePolicy("g1", 0, 100),
                new AcceptancePolicy("p1", 0, 100), new AcceptancePolicy("p2", 0, 100),
                new AcceptancePolicy("p3", 0, 100));
        List<Long> profile = List.of(500L);
        DemandState s = run("short", profile, policies, 3);
        assertThat(s.status()).isEqualTo(DemandState.Status.COMMITTED);
        String proposer = s.rounds().get(0).proposer();
        Vote own = s.current().votes().stream().filter(v -> v.voter().equals(proposer)).findFirst().orElse(null);
        if (own != null) {
            assertThat(own.accept()).isFalse();
        }
        assertThat(s.committedPlan().get(0)).isEqualTo(new PlanRow(proposer, List.of(200L)));
        assertThat(s.current().acceptingPpm()).isGreaterThan(NegotiationContract.HALF);
    }

    @Test
    void whenEveryPlanViolatesMostSourcesEveryRoundFailsAndTheDemandFails() throws Exception {
        List<AcceptancePolicy> policies = new ArrayList<>();
        for (SourceWeight w : W) {
            policies.add(new AcceptancePolicy(w.sourceId(), 100, 1_000));
        }
        DemandState s = run("crowded", List.of(100L, 150L), policies, 3);
        assertThat(s.status()).isEqualTo(DemandState.Status.FAILED);
        assertThat(s.rounds()).hasSize(3).allMatch(r -> r.outcome() == Round.Outcome.REJECTED);
        assertThat(new HashSet<>(s.rounds().stream().map(Round::proposer).toList())).hasSize(3);
    }

    @Test
    void aPolicyAcceptsOnlyOutputsWithinItsBounds() {
        AcceptancePolicy p = new AcceptancePolicy("p1", 10, 20);
        assertThat(p.accepts(List.of(new PlanRow("p1", List.of(10L, 20L))), 2)).isTrue();
        assertThat(p.accepts(List.of(new PlanRow("p1", List.of(9L, 20L))), 2)).isFalse();
        assertThat(p.accepts(List.of(new PlanRow("p1", List.of(10L, 21L))), 2)).isFalse();
        assertThat(p.accepts(List.of(new PlanRow("p2", List.of(15L, 15L))), 2)).isFalse();
        assertThat(new AcceptancePolicy("p1", 0, 5).accepts(List.of(), 2)).isTrue();
    }
}
