package org.energychain.dispatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NegotiationEncodingTest {
    static final PostDemandArgs D = new PostDemandArgs("d1", "2026-06-02/PT1H", List.of(1_000L, 0L),
            NegotiationContractTest.FOUR, 3);
    static final List<PlanRow> PLAN = List.of(new PlanRow("p1", List.of(1_000L, 0L)));

    static DemandState sample() {
        Round r1 = new Round(1, "p1", PLAN, List.of(new Vote("p1", 300_000, false), new Vote("p2", 300_000, false)),
                Round.Outcome.REJECTED);
        Round r2 = Round.open(2, "g1");
        return new DemandState(D, "grid", 1_780_000_000_000L, DemandState.Status.OPEN, 0, List.of(r1, r2));
    }

    @Test
    void everythingRoundTripsToTheSameBytes() {
        assertThat(PostDemandArgs.decode(D.encode())).isEqualTo(D);
        ProposeArgs p = new ProposeArgs("d1", 2, PLAN);
        assertThat(ProposeArgs.decode(p.encode())).isEqualTo(p);
        VoteArgs v = new VoteArgs("d1", 2, true);
        assertThat(VoteArgs.decode(v.encode())).isEqualTo(v);
        assertThat(DemandRef.decode(new DemandRef("d1", 4).encode())).isEqualTo(new DemandRef("d1", 4));
        OpenDemands o = new OpenDemands(List.of("a", "b"));
        assertThat(OpenDemands.decode(o.encode())).isEqualTo(o);
        DemandState s = sample();
        DemandState back = DemandState.decode(s.encode());
        assertThat(back).isEqualTo(s);
        assertThat(back.encode()).isEqualTo(s.encode());
        assertThat(back.rounds().get(1).plan()).isNull();
    }

    @Test
    void decodingIsStrict() {
        byte[] vote = new VoteArgs("d1", 1, true).encode();
        assertThatThrownBy(() -> VoteArgs.decode(Arrays.copyOf(vote, vote.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> VoteArgs.decode(Arrays.copyOf(vote, vote.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        byte[] badBool = vote.clone();
        badBool[badBool.length - 1] = 2;
        assertThatThrownBy(() -> VoteArgs.decode(badBool)).hasMessageContaining("boolean");
        assertThatThrownBy(() -> ProposeArgs.decode(vote)).hasMessageContaining("EC/nego/propose/v1");
        byte[] tampered = new DemandState(D, "grid", 5, DemandState.Status.FAILED, 0, List.of(Round.open(1, "p1")))
                .encode();
        int idx = indexOfStatus(tampered);
        tampered[idx] = 9;
        assertThatThrownBy(() -> DemandState.decode(tampered)).hasMessageContaining("status");
        assertThatThrownBy(() -> new PostDemandArgs("bad id", "p", List.of(1L), List.of(), 1))
                .hasMessageContaining("demand id");
    }

    /** Position of the status byte: after the demand, the poster and the i64 time. */
    private static int indexOfStatus(byte[] encoded) {
        byte[] prefix = new DemandState(D, "grid", 5, DemandState.Status.OPEN, 0, List.of()).encode();
        // the prefix up to the status is the same for both; the status is the first differing byte
        byte[] failed = new DemandState(D, "grid", 5, DemandState.Status.FAILED, 0, List.of()).encode();
        for (int i = 0; i < prefix.length; i++) {
            if (prefix[i] != failed[i]) {
                return i;
            }
        }
        throw new AssertionError("no status byte found in " + encoded.length + " bytes");
    }

    @Test
    void theProposerIsDeterministicAndNoSourceProposesTwiceBeforeAllHave() {
        for (int d = 0; d < 200; d++) {
            PostDemandArgs demand = new PostDemandArgs("d" + d, "p", List.of(1L), NegotiationContractTest.FOUR, 10);
            List<String> earlier = new ArrayList<>();
            for (int round = 1; round <= 8; round++) {
                String p = NegotiationContract.proposer(demand, round, earlier);
                assertThat(NegotiationContract.proposer(demand, round, List.copyOf(earlier))).isEqualTo(p);
                earlier.add(p);
            }
            assertThat(new HashSet<>(earlier.subList(0, 4))).hasSize(4);
            assertThat(new HashSet<>(earlier.subList(4, 8))).hasSize(4);
        }
    }

    @Test
    void theFirstProposerIsDrawnByWeight() {
        List<SourceWeight> w = List.of(new SourceWeight("a", 500_000), new SourceWeight("b", 300_000),
                new SourceWeight("c", 200_000), new SourceWeight("z", 0));
        Map<String, Integer> count = new HashMap<>();
        int n = 4000;
        for (int d = 0; d < n; d++) {
            PostDemandArgs demand = new PostDemandArgs("d" + d, "p", List.of(1L), w, 1);
            count.merge(NegotiationContract.proposer(demand, 1, List.of()), 1, Integer::sum);
        }
        assertThat(count.get("a")).isBetween(1850, 2150);
        assertThat(count.get("b")).isBetween(1050, 1350);
        assertThat(count.get("c")).isBetween(650, 950);
        assertThat(count).doesNotContainKey("z");
    }
}
