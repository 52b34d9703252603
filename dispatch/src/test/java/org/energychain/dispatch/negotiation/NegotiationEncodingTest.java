package org.energychain.dispatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.Hex;
import org.energychain.dispatch.weight.Technology;
import org.junit.jupiter.api.Test;

class NegotiationEncodingTest {
    static final PostDemandArgs D = new PostDemandArgs("d1", "2026-06-02/PT1H", 60, List.of(1_000L, 0L),
            NegotiationContractTest.FOUR, 3, 0);
    static final SourcePolicy POLICY = new SourcePolicy(Technology.HYDRO, 100, 2_000, 500, 45_000, 30_000);
    static final List<PlanRow> PLAN = List.of(new PlanRow("p1", List.of(1_000L, 0L)));

    static DemandState sample() {
        Round r1 = new Round(1, "p1", 10, 20, true, 0, 600_000, 2, Round.Outcome.REJECTED);
        Round r2 = Round.open(2, "g1", 20, 30);
        DemandRecord rec = new DemandRecord("d1", "grid", 10, DemandRecord.Status.OPEN, 0, 3, 10, 1_000,
                List.of(r1, r2));
        List<Participant> ps = List.of(new Participant("p1", 600, 976_000, 500_000, 45_000, 500_000, POLICY),
                new Participant("p2", 0, 180_000, 500_000, 30_000, 500_000, POLICY));
        List<ProposeArgs> plans = new ArrayList<>();
        plans.add(new ProposeArgs("d1", 1, PLAN, List.of(45_000L, 0L)));
        plans.add(null);
        return new DemandState(D, rec, ps, plans, List.of(List.of(new Vote("p1", 300_000, false, RejectReason.PRICE),
                new Vote("p2", 300_000, false, RejectReason.OTHER)), List.of()));
    }

    @Test
    void everythingRoundTripsToTheSameBytes() {
        assertThat(PostDemandArgs.decode(D.encode())).isEqualTo(D);
        ProposeArgs p = new ProposeArgs("d1", 2, PLAN, List.of(1L, 2L));
        assertThat(ProposeArgs.decode(p.encode())).isEqualTo(p);
        VoteArgs v = new VoteArgs("d1", 2, false, RejectReason.PRICE);
        assertThat(VoteArgs.decode(v.encode())).isEqualTo(v);
        assertThat(DemandRef.decode(new DemandRef("d1", 4).encode())).isEqualTo(new DemandRef("d1", 4));
        OpenDemands o = new OpenDemands(List.of("a", "b"));
        assertThat(OpenDemands.decode(o.encode())).isEqualTo(o);
        assertThat(SourcePolicy.decode(POLICY.encode())).isEqualTo(POLICY);
        assertThat(NegotiationConfig.decode(NegotiationConfig.DEFAULT.encode())).isEqualTo(NegotiationConfig.DEFAULT);
        SocialArgs so = new SocialArgs("p1", 750_000);
        assertThat(SocialArgs.decode(so.encode())).isEqualTo(so);
        PolicyList pl = new PolicyList(Map.of("p1", POLICY));
        assertThat(PolicyList.decode(pl.encode())).isEqualTo(pl);
        DemandState s = sample();
        DemandState back = DemandState.decode(s.encode());
        assertThat(back).isEqualTo(s);
        assertThat(back.encode()).isEqualTo(s.encode());
        assertThat(back.plan(2)).isNull();
        assertThat(DemandRecord.decode(s.record().encode())).isEqualTo(s.record());
    }

    @Test
    void planEnergySumsEachRunningSourceAndRoundTrips() {
        ProposeArgs p = new ProposeArgs("d1", 1, List.of(new PlanRow("p1", List.of(1_000L, 500L)),
                new PlanRow("p2", List.of(0L, 0L))), List.of(1L, 2L));
        PlanEnergy e = PlanEnergy.of(p, 15);
        assertThat(e.shares()).containsExactly(new PlanEnergy.Share("p1", 22_500));
        assertThat(PlanEnergy.decode(e.encode())).isEqualTo(e);
        ProposeArgs huge = new ProposeArgs("d1", 1, List.of(new PlanRow("p1", List.of(Long.MAX_VALUE / 2, 1L))),
                List.of(1L, 2L));
        assertThatThrownBy(() -> PlanEnergy.of(huge, 15)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theHandWrittenIdCheckAgreesWithThePattern() {
        List<String> ids = new ArrayList<>(List.of("", "a", "A9", "_a", "-a", ".a", "a_b.c-d", "a b", "a/b", "é",
                "a".repeat(64), "a".repeat(65), "0", "Z.", "z~"));
        java.util.Random rnd = new java.util.Random(7);
        String alphabet = "aZ09._-/ ~é";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(70);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            ids.add(sb.toString());
        }
        for (String id : ids) {
            assertThat(Wire.isId(id)).as(id).isEqualTo(id.matches(Wire.ID_PATTERN));
        }
    }

    /** The bytes documented in docs/dispatch.md ("Encodings"), checked here so the text cannot drift. */
    @Test
    void aVoteAndAPolicyHaveTheDocumentedBytes() {
        assertThat(Hex.encode(new VoteArgs("d1", 2, false, RejectReason.PRICE).encode()))
                .isEqualTo("0000000f45432f6e65676f2f766f74652f7632" + "000000026431" + "00000002" + "00" + "03");
        assertThat(Hex.encode(new SourcePolicy(Technology.HYDRO, 100, 2_000, 500, 45_000, 30_000).encode()))
                .isEqualTo("0000001145432f6e65676f2f706f6c6963792f7631" + "0000000568796472 6f".replace(" ", "")
                        + "0000000000000064" + "00000000000007d0" + "00000000000001f4" + "000000000000afc8"
                        + "0000000000007530");
        DemandRecord rec = new DemandRecord("d1", "grid", 10, DemandRecord.Status.OPEN, 0, 3, 10, 1_000,
                List.of(Round.open(1, "p1", 10, 20)));
        assertThat(Hex.encode(rec.encode())).isEqualTo(("00000018 45432f6e65676f2f64656d616e642d7265636f72642f7632"
                + " 00000002 6431 00000004 67726964 000000000000000a 00 00000000 00000003 000000000000000a"
                + " 00000000000003e8 00000001"
                + " 00000001 00000002 7031 000000000000000a 0000000000000014 00 0000000000000000 0000000000000000"
                + " 00000000 00").replace(" ", ""));
        assertThat(Hex.encode(new PlanEnergy(List.of(new PlanEnergy.Share("p1", 22_500))).encode()))
                .isEqualTo(("00000016 45432f6e65676f2f706c616e2d656e657267792f7631 00000001 00000002 7031"
                        + " 00000000000057e4").replace(" ", ""));
    }

    @Test
    void decodingIsStrict() {
        byte[] vote = new VoteArgs("d1", 1, true).encode();
        assertThatThrownBy(() -> VoteArgs.decode(Arrays.copyOf(vote, vote.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> VoteArgs.decode(Arrays.copyOf(vote, vote.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        byte[] badReason = vote.clone();
        badReason[badReason.length - 1] = 9;
        assertThatThrownBy(() -> VoteArgs.decode(badReason)).hasMessageContaining("reason");
        byte[] reasonWhenAccepting = vote.clone();
        reasonWhenAccepting[reasonWhenAccepting.length - 1] = 3;
        assertThatThrownBy(() -> VoteArgs.decode(reasonWhenAccepting)).hasMessageContaining("no reason");
        assertThatThrownBy(() -> ProposeArgs.decode(vote)).hasMessageContaining("EC/nego/propose/v2");
        assertThatThrownBy(() -> new PostDemandArgs("bad id", "p", 60, List.of(1L), List.of(), 1, 0))
                .hasMessageContaining("demand id");
        assertThatThrownBy(() -> new SourcePolicy(Technology.COAL, 10, 5, 0, 1, 0)).hasMessageContaining("min-kw");
        assertThatThrownBy(() -> new SourcePolicy(Technology.COAL, 0, 5, 0, 0, 0)).hasMessageContaining("price");
        assertThatThrownBy(() -> new SocialArgs("p1", 1_000_001)).hasMessageContaining("0..1,000,000");
    }

    static List<Participant> line(Map<String, Long> ppm) {
        List<Participant> out = new ArrayList<>();
        new java.util.TreeMap<>(ppm).forEach((id, v) -> out.add(new Participant(id, 0, 0, 0, 1, v, POLICY)));
        return out;
    }

    @Test
    void theProposerIsDeterministicAndNoSourceProposesTwiceBeforeAllHave() {
        List<Participant> four = line(Map.of("p1", 300_000L, "p2", 300_000L, "p3", 200_000L, "g1", 200_000L));
        for (int d = 0; d < 200; d++) {
            PostDemandArgs demand = new PostDemandArgs("d" + d, "p", 60, List.of(1L), List.of(), 10, 0);
            List<String> earlier = new ArrayList<>();
            for (int round = 1; round <= 8; round++) {
                String p = NegotiationContract.proposer(demand, four, round, earlier);
                assertThat(NegotiationContract.proposer(demand, four, round, List.copyOf(earlier))).isEqualTo(p);
                earlier.add(p);
            }
            assertThat(new HashSet<>(earlier.subList(0, 4))).hasSize(4);
            assertThat(new HashSet<>(earlier.subList(4, 8))).hasSize(4);
        }
    }

    @Test
    void theFirstProposerIsDrawnByWeight() {
        List<Participant> w = line(Map.of("a", 500_000L, "b", 300_000L, "c", 200_000L, "z", 0L));
        Map<String, Integer> count = new HashMap<>();
        int n = 4000;
        for (int d = 0; d < n; d++) {
            PostDemandArgs demand = new PostDemandArgs("d" + d, "p", 60, List.of(1L), List.of(), 1, 0);
            count.merge(NegotiationContract.proposer(demand, w, 1, List.of()), 1, Integer::sum);
        }
        assertThat(count.get("a")).isBetween(1850, 2150);
        assertThat(count.get("b")).isBetween(1050, 1350);
        assertThat(count.get("c")).isBetween(650, 950);
        assertThat(count).doesNotContainKey("z");
    }

    /**
     * Seen while writing NegotiationDecodersFuzzTest#records (its corpus keeps the input): a list naming a
     * source twice (or out of order) decoded, and re-encoded to other bytes. Ids are now strictly
     * increasing, whatever order the map came in.
     */
    @Test
    void aPolicyListHasOneEncoding() {
        PolicyList both = new PolicyList(Map.of("p2", POLICY, "p1", POLICY));
        assertThat(both.policies().keySet()).containsExactly("p1", "p2");
        assertThat(PolicyList.decode(both.encode())).isEqualTo(both);
        byte[] p1 = new PolicyList(Map.of("p1", POLICY)).encode();
        byte[] entry = Arrays.copyOfRange(p1, 4 + PolicyList.TAG.length() + 4, p1.length); // "p1" and its policy
        byte[] twice = org.energychain.crypto.encoding.CanonicalWriter.tagged(PolicyList.TAG).i32(2).fixed(entry)
                .fixed(entry).toByteArray();
        assertThatThrownBy(() -> PolicyList.decode(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new PolicyList(Map.of("bad id", POLICY))).hasMessageContaining("source id");
    }

    /** Found by NegotiationDecodersFuzzTest#contractArgs (crash-403c362c…): "hYdro" decoded and re-encoded as "hydro". */
    @Test
    void aPolicyHasOneSpellingOfItsTechnology() {
        byte[] canonical = POLICY.encode();
        byte[] other = new String(canonical, java.nio.charset.StandardCharsets.ISO_8859_1).replace("hydro", "hYdro")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SourcePolicy.decode(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("technology 'hYdro' must be spelt 'hydro'");
        assertThat(SourcePolicy.decode(canonical)).isEqualTo(POLICY);
    }
}
