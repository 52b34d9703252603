package org.energychain.dispatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.ResultCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NegotiationContractTest {
    static final List<Long> PROFILE = List.of(1_000L, 2_500L, 0L);
    /** p1 30%, p2 30%, p3 20%, g1 20% (set by governance); p4, p5 are plants that are not sources. */
    static final List<String> FOUR = List.of("p1", "p2", "p3", "g1");

    final NegoNet net = new NegoNet();

    @org.junit.jupiter.api.BeforeEach
    void governanceWeights() {
        net.socialWeights(java.util.Map.of("p1", 300_000L, "p2", 300_000L, "p3", 200_000L, "g1", 200_000L));
    }

    @AfterEach
    void close() {
        net.close();
    }

    static PostDemandArgs demand(String id, List<String> sources, int maxRounds) {
        return new PostDemandArgs(id, "2026-06-02T00:00Z/PT1H", 60, PROFILE, sources, maxRounds, 0);
    }

    /** The profile split evenly over the sources, the remainder to the first. */
    static List<PlanRow> even(List<Long> profile, List<String> sources) {
        List<PlanRow> rows = new ArrayList<>();
        for (int k = 0; k < sources.size(); k++) {
            List<Long> kw = new ArrayList<>();
            for (long d : profile) {
                long share = d / sources.size();
                kw.add(k == 0 ? d - share * (sources.size() - 1) : share);
            }
            rows.add(new PlanRow(sources.get(k), kw));
        }
        return rows;
    }

    static List<PlanRow> evenPlan() {
        return even(PROFILE, List.of("p1", "p2", "p3", "g1"));
    }

    static List<String> types(Receipt r) {
        return r.result().events().stream().map(Event::type).toList();
    }

    static void ok(Receipt r) {
        assertThat(r.result().code()).as(r.result().message()).isEqualTo(ResultCode.OK);
    }

    static void refused(Receipt r, int code) {
        assertThat(r.result().code()).as(r.result().message()).isEqualTo(code);
        assertThat(r.result().events()).isEmpty();
    }

    String posted(String id, List<String> sources, int maxRounds) throws Exception {
        Receipt r = net.post("grid", demand(id, sources, maxRounds));
        ok(r);
        assertThat(types(r)).containsExactly(NegotiationContract.EV_DEMAND_POSTED);
        return net.state(id).current().proposer();
    }

    @Test
    void happyPathCommitsWhenMoreThanHalfTheWeightAccepts() throws Exception {
        String proposer = posted("d1", FOUR, 3);
        assertThat(net.open()).containsExactly("d1");
        ok(net.propose(proposer, "d1", 1, evenPlan()));
        Receipt first = net.vote("p1", "d1", 1, true);
        ok(first);
        assertThat(first.result().events()).isEmpty();
        assertThat(net.state("d1").status()).isEqualTo(DemandRecord.Status.OPEN);
        ok(net.vote("p3", "d1", 1, false));
        Receipt decisive = net.vote("p2", "d1", 1, true);
        ok(decisive);
        assertThat(types(decisive)).containsExactly(NegotiationContract.EV_PLAN_COMMITTED);
        assertThat(DemandRef.decode(decisive.result().events().get(0).data())).isEqualTo(new DemandRef("d1", 1));

        DemandState s = net.state("d1");
        assertThat(s.status()).isEqualTo(DemandRecord.Status.COMMITTED);
        assertThat(s.record().committedRound()).isEqualTo(1);
        assertThat(s.committedPlan().plan()).isEqualTo(evenPlan());
        assertThat(s.record().poster()).isEqualTo("grid");
        assertThat(s.demand()).isEqualTo(demand("d1", FOUR, 3)); // from demand-args/d1, written once
        assertThat(s.record().maxRounds()).isEqualTo(3);
        assertThat(s.rounds()).hasSize(1);
        assertThat(s.current().outcome()).isEqualTo(Round.Outcome.ACCEPTED);
        assertThat(s.votes(1)).containsExactly(new Vote("p1", 300_000, true, RejectReason.NONE),
                new Vote("p2", 300_000, true, RejectReason.NONE), new Vote("p3", 200_000, false, RejectReason.OTHER));
        assertThat(s.current().acceptPpm()).isEqualTo(600_000);
        assertThat(s.participants()).extracting(Participant::sourceId).containsExactly("g1", "p1", "p2", "p3");
        assertThat(net.open()).isEmpty();
        // closed: no more votes
        refused(net.vote("g1", "d1", 1, true), NegotiationCodes.CLOSED);
    }

    @Test
    void aRejectedRoundOpensTheNextWithAnotherProposerThatCanPass() throws Exception {
        String first = posted("d2", FOUR, 3);
        ok(net.propose(first, "d2", 1, evenPlan()));
        ok(net.vote("p1", "d2", 1, false));
        ok(net.vote("p3", "d2", 1, true));
        Receipt rejected = net.vote("p2", "d2", 1, false);
        ok(rejected);
        assertThat(types(rejected)).containsExactly(NegotiationContract.EV_ROUND_REJECTED);

        DemandState s = net.state("d2");
        assertThat(s.status()).isEqualTo(DemandRecord.Status.OPEN);
        assertThat(s.rounds()).hasSize(2);
        assertThat(s.rounds().get(0).outcome()).isEqualTo(Round.Outcome.REJECTED);
        assertThat(s.rounds().get(0).rejectPpm()).isEqualTo(600_000);
        String second = s.current().proposer();
        assertThat(second).isNotEqualTo(first);
        assertThat(s.current().number()).isEqualTo(2);
        assertThat(s.current().proposed()).isFalse();

        // the old round is gone; the old proposer cannot propose again
        refused(net.propose(first, "d2", 1, evenPlan()), NegotiationCodes.WRONG_ROUND);
        refused(net.propose(first, "d2", 2, evenPlan()), NegotiationCodes.NOT_PROPOSER);
        List<PlanRow> plan2 = List.of(new PlanRow("p1", List.of(600L, 1_500L, 0L)),
                new PlanRow("p2", List.of(400L, 1_000L, 0L)));
        ok(net.propose(second, "d2", 2, plan2));
        refused(net.vote("p1", "d2", 1, true), NegotiationCodes.WRONG_ROUND);
        ok(net.vote("p1", "d2", 2, true));
        ok(net.vote("p3", "d2", 2, true));
        Receipt committed = net.vote("g1", "d2", 2, true);
        assertThat(types(committed)).containsExactly(NegotiationContract.EV_PLAN_COMMITTED);
        s = net.state("d2");
        assertThat(s.status()).isEqualTo(DemandRecord.Status.COMMITTED);
        assertThat(s.record().committedRound()).isEqualTo(2);
        assertThat(s.committedPlan().plan()).isEqualTo(plan2);
        assertThat(s.current().acceptPpm()).isEqualTo(700_000);
    }

    @Test
    void afterMaxRoundsTheDemandFails() throws Exception {
        String proposer = posted("d3", FOUR, 2);
        for (int round = 1; round <= 2; round++) {
            ok(net.propose(proposer, "d3", round, evenPlan()));
            ok(net.vote("p1", "d3", round, false));
            Receipt last = net.vote("p2", "d3", round, false);
            ok(last);
            if (round == 1) {
                assertThat(types(last)).containsExactly(NegotiationContract.EV_ROUND_REJECTED);
                proposer = net.state("d3").current().proposer();
            } else {
                assertThat(types(last)).containsExactly(NegotiationContract.EV_ROUND_REJECTED,
                        NegotiationContract.EV_NEGOTIATION_FAILED);
            }
        }
        DemandState s = net.state("d3");
        assertThat(s.status()).isEqualTo(DemandRecord.Status.FAILED);
        assertThat(s.record().committedRound()).isZero();
        assertThat(s.committedPlan()).isNull();
        assertThat(s.rounds()).hasSize(2).allMatch(r -> r.outcome() == Round.Outcome.REJECTED);
        assertThat(net.open()).isEmpty();
        refused(net.propose(proposer, "d3", 2, evenPlan()), NegotiationCodes.CLOSED);
        refused(net.propose(proposer, "d3", 3, evenPlan()), NegotiationCodes.CLOSED);
        refused(net.vote("g1", "d3", 2, true), NegotiationCodes.CLOSED);
    }

    @Test
    void exactlyHalfAcceptingIsNotAMajorityButExactlyHalfRejectingFailsTheRound() throws Exception {
        net.socialWeights(java.util.Map.of("p1", 500_000L, "p2", 250_000L, "p3", 250_000L, "g1", 0L));
        String proposer = posted("tie", List.of("p1", "p2", "p3"), 2);
        ok(net.propose(proposer, "tie", 1, even(PROFILE, List.of("p1", "p2", "p3"))));
        Receipt half = net.vote("p1", "tie", 1, true);
        ok(half);
        assertThat(half.result().events()).isEmpty();
        DemandState s = net.state("tie");
        assertThat(s.status()).isEqualTo(DemandRecord.Status.OPEN);
        assertThat(s.current().acceptPpm()).isEqualTo(500_000);
        ok(net.vote("p2", "tie", 1, false));
        Receipt halfRejecting = net.vote("p3", "tie", 1, false);
        assertThat(types(halfRejecting)).containsExactly(NegotiationContract.EV_ROUND_REJECTED);
        s = net.state("tie");
        assertThat(s.rounds().get(0).rejectPpm()).isEqualTo(500_000);
        assertThat(s.rounds().get(0).outcome()).isEqualTo(Round.Outcome.REJECTED);
        assertThat(s.current().number()).isEqualTo(2);

        // round 2: the 500,000 ppm source rejecting alone fails the round (and, the last, the demand)
        ok(net.propose(s.current().proposer(), "tie", 2, even(PROFILE, List.of("p1", "p2", "p3"))));
        Receipt failed = net.vote("p1", "tie", 2, false);
        assertThat(types(failed)).containsExactly(NegotiationContract.EV_ROUND_REJECTED,
                NegotiationContract.EV_NEGOTIATION_FAILED);
    }

    @Test
    void theLedgerRefusesWrongRolesBeforeTheContract() throws Exception {
        posted("d4", FOUR, 3);
        Submission plantPosts = net.offer("p1", NegotiationContract.POST_DEMAND, demand("d5", FOUR, 3).encode());
        assertThat(plantPosts.accepted()).isFalse();
        assertThat(plantPosts.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        Submission gridProposes = net.offer("grid", NegotiationContract.PROPOSE,
                new ProposeArgs("d4", 1, evenPlan(), List.of(1L, 1L, 1L)).encode());
        assertThat(gridProposes.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        Submission regulatorVotes = net.offer("reg", NegotiationContract.VOTE, new VoteArgs("d4", 1, true).encode());
        assertThat(regulatorVotes.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        Submission loadVotes = net.offer("load", NegotiationContract.VOTE, new VoteArgs("d4", 1, true).encode());
        assertThat(loadVotes.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        // a load may post
        ok(net.post("load", demand("d5", FOUR, 3)));
    }

    @Test
    void theContractRefusesBadProposals() throws Exception {
        String proposer = posted("d6", FOUR, 3);
        String other = FOUR.stream().filter(id -> !id.equals(proposer)).findFirst().orElseThrow();
        refused(net.propose(other, "d6", 1, evenPlan()), NegotiationCodes.NOT_PROPOSER);
        refused(net.propose("p4", "d6", 1, evenPlan()), NegotiationCodes.NOT_PROPOSER);
        refused(net.propose(proposer, "nope", 1, evenPlan()), NegotiationCodes.NOT_FOUND);
        refused(net.propose(proposer, "d6", 2, evenPlan()), NegotiationCodes.WRONG_ROUND);
        refused(net.propose(proposer, "d6", 0, evenPlan()), NegotiationCodes.WRONG_ROUND);
        List<PlanRow> short1 = List.of(new PlanRow("p1", List.of(999L, 2_500L, 0L)));
        refused(net.propose(proposer, "d6", 1, short1), NegotiationCodes.BAD_PLAN);
        List<PlanRow> over = List.of(new PlanRow("p1", List.of(1_000L, 2_500L, 1L)));
        refused(net.propose(proposer, "d6", 1, over), NegotiationCodes.BAD_PLAN);
        List<PlanRow> negative = List.of(new PlanRow("p1", List.of(1_100L, 2_500L, 0L)),
                new PlanRow("p2", List.of(-100L, 0L, 0L)));
        refused(net.propose(proposer, "d6", 1, negative), NegotiationCodes.LIMIT);
        List<PlanRow> stranger = List.of(new PlanRow("p1", List.of(500L, 2_500L, 0L)),
                new PlanRow("p4", List.of(500L, 0L, 0L)));
        refused(net.propose(proposer, "d6", 1, stranger), NegotiationCodes.NOT_A_SOURCE);
        List<PlanRow> twice = List.of(new PlanRow("p1", List.of(500L, 2_500L, 0L)),
                new PlanRow("p1", List.of(500L, 0L, 0L)));
        refused(net.propose(proposer, "d6", 1, twice), NegotiationCodes.BAD_PLAN);
        List<PlanRow> wrongLength = List.of(new PlanRow("p1", List.of(1_000L, 2_500L)));
        refused(net.propose(proposer, "d6", 1, wrongLength), NegotiationCodes.BAD_PLAN);
        refused(net.submit(proposer, NegotiationContract.PROPOSE, new byte[] {1, 2, 3}), NegotiationCodes.MALFORMED);
        assertThat(net.state("d6").current().proposed()).isFalse();

        ok(net.propose(proposer, "d6", 1, evenPlan()));
        refused(net.propose(proposer, "d6", 1, evenPlan()), NegotiationCodes.DUPLICATE);
    }

    @Test
    void theContractRefusesBadVotes() throws Exception {
        String proposer = posted("d7", FOUR, 3);
        refused(net.vote("p1", "d7", 1, true), NegotiationCodes.NO_PROPOSAL);
        ok(net.propose(proposer, "d7", 1, evenPlan()));
        refused(net.vote("p4", "d7", 1, true), NegotiationCodes.NOT_A_SOURCE);
        refused(net.vote("p1", "nope", 1, true), NegotiationCodes.NOT_FOUND);
        refused(net.vote("p1", "d7", 2, true), NegotiationCodes.WRONG_ROUND);
        ok(net.vote("p1", "d7", 1, true));
        refused(net.vote("p1", "d7", 1, true), NegotiationCodes.DUPLICATE);
        refused(net.vote("p1", "d7", 1, false), NegotiationCodes.DUPLICATE);
        refused(net.submit("p2", NegotiationContract.VOTE, new byte[0]), NegotiationCodes.MALFORMED);
        assertThat(net.state("d7").votes(1)).containsExactly(new Vote("p1", 300_000, true, RejectReason.NONE));
    }

    @Test
    void demandsWithBadSourcesOrRoundsAreRefused() throws Exception {
        refused(net.post("grid", demand("a", List.of("p1", "p2"), 3)), NegotiationCodes.INVALID);
        refused(net.post("grid", demand("a", List.of("p1", "p2", "p1"), 3)), NegotiationCodes.INVALID);
        refused(net.post("grid", demand("a", List.of("p1", "p2", "p4"), 3)), NegotiationCodes.NO_POLICY);
        refused(net.post("grid", demand("a", FOUR, 0)), NegotiationCodes.INVALID);
        refused(net.post("grid", demand("a", FOUR, 11)), NegotiationCodes.INVALID);
        refused(net.post("grid", new PostDemandArgs("a", "p", 60, List.of(), FOUR, 3, 0)), NegotiationCodes.INVALID);
        refused(net.post("grid", new PostDemandArgs("a", "p", 60, List.of(5L, -1L), FOUR, 3, 0)), NegotiationCodes.INVALID);
        refused(net.post("grid", new PostDemandArgs("a", "p", 0, List.of(5L), FOUR, 3, 0)), NegotiationCodes.INVALID);
        refused(net.post("grid", new PostDemandArgs("a", "p", 60, List.of(5L), FOUR, 3, -1)), NegotiationCodes.INVALID);
        assertThat(net.open()).isEmpty();
        ok(net.post("grid", demand("a", FOUR, 10)));
        refused(net.post("load", demand("a", FOUR, 3)), NegotiationCodes.DUPLICATE);
        assertThat(net.open()).containsExactly("a");
        // no names: every source with a policy takes part
        ok(net.post("grid", demand("all", List.of(), 3)));
        assertThat(net.state("all").participants()).extracting(Participant::sourceId)
                .containsExactly("g1", "p1", "p2", "p3");
    }

    @Test
    void afterTheDeadlineOnlyCloseRoundMovesOnAndMissingVotesDoNotAccept() throws Exception {
        ok(net.post("grid", new PostDemandArgs("dl", "p", 60, PROFILE, FOUR, 2, 60_000)));
        DemandState s = net.state("dl");
        assertThat(s.current().deadlineMillis() - s.current().openedAtMillis()).isEqualTo(60_000);
        String proposer = s.current().proposer();
        ok(net.propose(proposer, "dl", 1, evenPlan()));
        ok(net.vote("p1", "dl", 1, true)); // 30 % accepting, the rest silent
        refused(net.closeRound("reg", "dl", 1), NegotiationCodes.TOO_EARLY);
        net.clock.advance(java.time.Duration.ofSeconds(60));
        refused(net.vote("p2", "dl", 1, true), NegotiationCodes.DEADLINE_PASSED);
        refused(net.closeRound("reg", "dl", 2), NegotiationCodes.WRONG_ROUND);
        Receipt closed = net.closeRound("reg", "dl", 1); // anyone may close, even the regulator
        ok(closed);
        assertThat(types(closed)).containsExactly(NegotiationContract.EV_ROUND_REJECTED);
        s = net.state("dl");
        assertThat(s.rounds().get(0).outcome()).isEqualTo(Round.Outcome.REJECTED);
        assertThat(s.rounds().get(0).acceptPpm()).isEqualTo(300_000);
        assertThat(s.current().number()).isEqualTo(2);
        assertThat(s.current().openedAtMillis()).isEqualTo(s.rounds().get(0).deadlineMillis());
        // round 2: the proposer stays silent; after the deadline the last round closes and the demand fails
        net.clock.advance(java.time.Duration.ofSeconds(60));
        refused(net.propose(s.current().proposer(), "dl", 2, evenPlan()), NegotiationCodes.DEADLINE_PASSED);
        Receipt failed = net.closeRound("p4", "dl", 2);
        assertThat(types(failed)).containsExactly(NegotiationContract.EV_ROUND_REJECTED,
                NegotiationContract.EV_NEGOTIATION_FAILED);
        assertThat(net.state("dl").status()).isEqualTo(DemandRecord.Status.FAILED);
        refused(net.closeRound("reg", "dl", 2), NegotiationCodes.CLOSED);
    }

    @Test
    void plansMustKeepEveryPublishedLimit() throws Exception {
        ok(net.policy("p1", new SourcePolicy(org.energychain.dispatch.weight.Technology.COAL, 500, 2_000, 1_000, 40_000,
                0)));
        String proposer = posted("lim", FOUR, 3);
        // p1: off (0) or 500..2,000 kW, at most 1,000 kW change per interval
        List<PlanRow> belowMin = List.of(new PlanRow("p1", List.of(400L, 1_400L, 0L)),
                new PlanRow("p2", List.of(600L, 1_100L, 0L)));
        refused(net.propose(proposer, "lim", 1, belowMin), NegotiationCodes.LIMIT);
        List<PlanRow> aboveMax = List.of(new PlanRow("p1", List.of(1_000L, 2_500L, 0L)));
        refused(net.propose(proposer, "lim", 1, aboveMax), NegotiationCodes.LIMIT);
        List<PlanRow> steep = List.of(new PlanRow("p1", List.of(500L, 2_000L, 0L)),
                new PlanRow("p2", List.of(500L, 500L, 0L)));
        Receipt r = net.propose(proposer, "lim", 1, steep);
        refused(r, NegotiationCodes.LIMIT);
        assertThat(r.result().message()).contains("ramps 1500 kW from interval 0 to 1");
        List<PlanRow> overCovers = List.of(new PlanRow("p1", List.of(1_000L, 2_000L, 1_000L)),
                new PlanRow("p2", List.of(0L, 500L, 0L)));
        refused(net.propose(proposer, "lim", 1, overCovers), NegotiationCodes.BAD_PLAN); // interval 2 wants 0 kW
        List<PlanRow> good = List.of(new PlanRow("p1", List.of(1_000L, 2_000L, 1_000L)),
                new PlanRow("p2", List.of(0L, 500L, 0L)), new PlanRow("p3", List.of(0L, 0L, 0L)));
        PostDemandArgs d = new PostDemandArgs("x", "p", 60, List.of(1_000L, 2_500L, 1_000L), FOUR, 3, 0);
        NegotiationContract.checkPlan(d, 0, java.util.Map.of("p1", net.state("lim").participants().get(1).policy(),
                "p2", net.state("lim").participants().get(2).policy(), "p3",
                net.state("lim").participants().get(3).policy()), new ProposeArgs("x", 1, good, List.of(1L, 1L, 1L)));
        // within the tolerance: 0.1 % of 2,500 kW is 2 kW
        PostDemandArgs tol = new PostDemandArgs("y", "p", 60, List.of(2_500L), FOUR, 3, 0);
        var pol = java.util.Map.of("p2", net.state("lim").participants().get(2).policy());
        NegotiationContract.checkPlan(tol, 1_000, pol, new ProposeArgs("y", 1, List.of(new PlanRow("p2",
                List.of(2_498L))), List.of(1L)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NegotiationContract.checkPlan(tol, 1_000, pol,
                new ProposeArgs("y", 1, List.of(new PlanRow("p2", List.of(2_497L))), List.of(1L))))
                .hasMessageContaining("tolerance 2 kW");
        // prices: one per interval
        refused(net.submit(proposer, NegotiationContract.PROPOSE,
                new ProposeArgs("lim", 1, evenPlan(), List.of(1L)).encode()), NegotiationCodes.BAD_PLAN);
    }

    @Test
    void weightsComeFromTheChainEnergyCleannessSocialAndPrice() throws Exception {
        // W only: before any committed plan every source has W = 0, so equal shares
        net.configure(new NegotiationConfig(new org.energychain.dispatch.weight.WeightCoefficients(1_000_000, 0, 0, 0,
                500_000), 86_400_000L, 900_000L, 0, 0));
        String proposer = posted("w1", List.of("p1", "p2", "p3"), 1);
        assertThat(net.state("w1").participants()).extracting(Participant::ppm)
                .containsExactly(333_334L, 333_333L, 333_333L);
        ok(net.propose(proposer, "w1", 1, List.of(new PlanRow("p1", List.of(1_000L, 1_500L, 0L)),
                new PlanRow("p2", List.of(0L, 1_000L, 0L)))));
        for (String v : List.of("p1", "p2", "p3")) {
            Receipt r = net.vote(v, "w1", 1, true);
            if (!types(r).isEmpty()) {
                break;
            }
        }
        assertThat(net.state("w1").status()).isEqualTo(DemandRecord.Status.COMMITTED);
        // next demand: W = 2,500 kWh (150,000 kW·min) for p1 and 1,000 kWh for p2, 0 for p3
        posted("w2", List.of("p1", "p2", "p3"), 1);
        List<Participant> ps = net.state("w2").participants();
        assertThat(ps).extracting(Participant::energyKwMin).containsExactly(150_000L, 60_000L, 0L);
        // p1 has 5/7 of W but the cap is 50 %: the excess goes to p2 (p3 has nothing to share by)
        assertThat(ps).extracting(Participant::ppm).containsExactly(500_000L, 500_000L, 0L);
        // after the look-back period T the energy no longer counts
        net.clock.advance(java.time.Duration.ofDays(1).plusSeconds(1));
        posted("w3", List.of("p1", "p2", "p3"), 1);
        assertThat(net.state("w3").participants()).extracting(Participant::energyKwMin).containsExactly(0L, 0L, 0L);

        // R and M: the default coefficients; a coal source with a dear price weighs less than wind
        net.configure(NegotiationConfig.DEFAULT);
        ok(net.policy("p3", new SourcePolicy(org.energychain.dispatch.weight.Technology.COAL, 0, 1_000, 0, 90_000, 0)));
        posted("w4", List.of("p1", "p2", "p3"), 1);
        ps = net.state("w4").participants();
        assertThat(ps.get(2).cleannessPpm()).isEqualTo(180_000);
        assertThat(ps.get(2).priceMilli()).isEqualTo(90_000);
        assertThat(ps.get(2).ppm()).isLessThan(ps.get(0).ppm());
        assertThat(ps.stream().mapToLong(Participant::ppm).sum()).isEqualTo(1_000_000);
        // governance sets S; only the grid may, and only the grid configures
        assertThat(net.offer("p1", NegotiationContract.SET_SOCIAL, new SocialArgs("p1", 1_000_000).encode()).accepted())
                .isFalse();
        assertThat(net.offer("load", NegotiationContract.CONFIGURE, NegotiationConfig.DEFAULT.encode()).accepted())
                .isFalse();
    }
}
