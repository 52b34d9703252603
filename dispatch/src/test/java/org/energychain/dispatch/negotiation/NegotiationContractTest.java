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
    /** p1 30%, p2 30%, p3 20%, g1 20%; p4, p5 are plants that are not sources. */
    static final List<SourceWeight> FOUR = List.of(new SourceWeight("p1", 300_000), new SourceWeight("p2", 300_000),
            new SourceWeight("p3", 200_000), new SourceWeight("g1", 200_000));

    final NegoNet net = new NegoNet();

    @AfterEach
    void close() {
        net.close();
    }

    static PostDemandArgs demand(String id, List<SourceWeight> sources, int maxRounds) {
        return new PostDemandArgs(id, "2026-06-02T00:00Z/PT1H", PROFILE, sources, maxRounds);
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

    String posted(String id, List<SourceWeight> sources, int maxRounds) throws Exception {
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
        assertThat(net.state("d1").status()).isEqualTo(DemandState.Status.OPEN);
        ok(net.vote("p3", "d1", 1, false));
        Receipt decisive = net.vote("p2", "d1", 1, true);
        ok(decisive);
        assertThat(types(decisive)).containsExactly(NegotiationContract.EV_PLAN_COMMITTED);
        assertThat(DemandRef.decode(decisive.result().events().get(0).data())).isEqualTo(new DemandRef("d1", 1));

        DemandState s = net.state("d1");
        assertThat(s.status()).isEqualTo(DemandState.Status.COMMITTED);
        assertThat(s.committedRound()).isEqualTo(1);
        assertThat(s.committedPlan()).isEqualTo(evenPlan());
        assertThat(s.poster()).isEqualTo("grid");
        assertThat(s.rounds()).hasSize(1);
        assertThat(s.current().outcome()).isEqualTo(Round.Outcome.ACCEPTED);
        assertThat(s.current().votes()).containsExactly(new Vote("p1", 300_000, true), new Vote("p3", 200_000, false),
                new Vote("p2", 300_000, true));
        assertThat(s.current().acceptingPpm()).isEqualTo(600_000);
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
        assertThat(s.status()).isEqualTo(DemandState.Status.OPEN);
        assertThat(s.rounds()).hasSize(2);
        assertThat(s.rounds().get(0).outcome()).isEqualTo(Round.Outcome.REJECTED);
        assertThat(s.rounds().get(0).rejectingPpm()).isEqualTo(600_000);
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
        assertThat(s.status()).isEqualTo(DemandState.Status.COMMITTED);
        assertThat(s.committedRound()).isEqualTo(2);
        assertThat(s.committedPlan()).isEqualTo(plan2);
        assertThat(s.current().acceptingPpm()).isEqualTo(700_000);
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
        assertThat(s.status()).isEqualTo(DemandState.Status.FAILED);
        assertThat(s.committedRound()).isZero();
        assertThat(s.committedPlan()).isNull();
        assertThat(s.rounds()).hasSize(2).allMatch(r -> r.outcome() == Round.Outcome.REJECTED);
        assertThat(net.open()).isEmpty();
        refused(net.propose(proposer, "d3", 2, evenPlan()), NegotiationCodes.CLOSED);
        refused(net.propose(proposer, "d3", 3, evenPlan()), NegotiationCodes.CLOSED);
        refused(net.vote("g1", "d3", 2, true), NegotiationCodes.CLOSED);
    }

    @Test
    void exactlyHalfAcceptingIsNotAMajorityButExactlyHalfRejectingFailsTheRound() throws Exception {
        List<SourceWeight> halves = List.of(new SourceWeight("p1", 500_000), new SourceWeight("p2", 250_000),
                new SourceWeight("p3", 250_000));
        String proposer = posted("tie", halves, 2);
        ok(net.propose(proposer, "tie", 1, even(PROFILE, List.of("p1", "p2", "p3"))));
        Receipt half = net.vote("p1", "tie", 1, true);
        ok(half);
        assertThat(half.result().events()).isEmpty();
        DemandState s = net.state("tie");
        assertThat(s.status()).isEqualTo(DemandState.Status.OPEN);
        assertThat(s.current().acceptingPpm()).isEqualTo(500_000);
        ok(net.vote("p2", "tie", 1, false));
        Receipt halfRejecting = net.vote("p3", "tie", 1, false);
        assertThat(types(halfRejecting)).containsExactly(NegotiationContract.EV_ROUND_REJECTED);
        s = net.state("tie");
        assertThat(s.rounds().get(0).rejectingPpm()).isEqualTo(500_000);
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
                new ProposeArgs("d4", 1, evenPlan()).encode());
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
        String other = FOUR.stream().map(SourceWeight::sourceId).filter(id -> !id.equals(proposer)).findFirst()
                .orElseThrow();
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
        refused(net.propose(proposer, "d6", 1, negative), NegotiationCodes.BAD_PLAN);
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
        assertThat(net.state("d7").current().votes()).containsExactly(new Vote("p1", 300_000, true));
    }

    @Test
    void demandsWithBadWeightsOrRoundsAreRefused() throws Exception {
        List<SourceWeight> short1 = List.of(new SourceWeight("p1", 300_000), new SourceWeight("p2", 300_000),
                new SourceWeight("p3", 399_999));
        refused(net.post("grid", demand("a", short1, 3)), NegotiationCodes.INVALID);
        List<SourceWeight> over = List.of(new SourceWeight("p1", 300_000), new SourceWeight("p2", 300_000),
                new SourceWeight("p3", 400_001));
        refused(net.post("grid", demand("a", over, 3)), NegotiationCodes.INVALID);
        List<SourceWeight> two = List.of(new SourceWeight("p1", 500_000), new SourceWeight("p2", 500_000));
        refused(net.post("grid", demand("a", two, 3)), NegotiationCodes.INVALID);
        List<SourceWeight> capped = List.of(new SourceWeight("p1", 500_001), new SourceWeight("p2", 250_000),
                new SourceWeight("p3", 249_999));
        refused(net.post("grid", demand("a", capped, 3)), NegotiationCodes.INVALID);
        List<SourceWeight> dup = List.of(new SourceWeight("p1", 400_000), new SourceWeight("p2", 300_000),
                new SourceWeight("p1", 300_000));
        refused(net.post("grid", demand("a", dup, 3)), NegotiationCodes.INVALID);
        List<SourceWeight> negative = List.of(new SourceWeight("p1", 500_000), new SourceWeight("p2", 500_000),
                new SourceWeight("p3", 100_000), new SourceWeight("g1", -100_000));
        refused(net.post("grid", demand("a", negative, 3)), NegotiationCodes.INVALID);
        refused(net.post("grid", demand("a", FOUR, 0)), NegotiationCodes.INVALID);
        refused(net.post("grid", demand("a", FOUR, 11)), NegotiationCodes.INVALID);
        refused(net.post("grid", new PostDemandArgs("a", "p", List.of(), FOUR, 3)), NegotiationCodes.INVALID);
        refused(net.post("grid", new PostDemandArgs("a", "p", List.of(5L, -1L), FOUR, 3)), NegotiationCodes.INVALID);
        assertThat(net.open()).isEmpty();
        ok(net.post("grid", demand("a", FOUR, 10)));
        refused(net.post("load", demand("a", FOUR, 3)), NegotiationCodes.DUPLICATE);
        assertThat(net.open()).containsExactly("a");
    }
}
