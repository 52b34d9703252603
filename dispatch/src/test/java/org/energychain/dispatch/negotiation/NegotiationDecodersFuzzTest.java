package org.energychain.dispatch.negotiation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.crypto.encoding.DecoderContract.Format;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the negotiation contract's decoders of outside bytes (docs/fuzzing.md): every argument a
 * member sends, and the records and answers a client reads back from the dispatch chain.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class NegotiationDecodersFuzzTest {
    static final List<Format<?>> ARGS = List.of(
            DecoderContract.format("propose", ProposeArgs::decode, ProposeArgs::encode),
            DecoderContract.format("vote", VoteArgs::decode, VoteArgs::encode),
            DecoderContract.format("post-demand", PostDemandArgs::decode, PostDemandArgs::encode),
            DecoderContract.format("social", SocialArgs::decode, SocialArgs::encode),
            DecoderContract.format("demand ref", DemandRef::decode, DemandRef::encode),
            DecoderContract.format("policy", SourcePolicy::decode, SourcePolicy::encode));
    static final List<Format<?>> RECORDS = List.of(
            DecoderContract.format("policies", PolicyList::decode, PolicyList::encode),
            DecoderContract.format("participant", Participant::decode, Participant::encode),
            DecoderContract.format("config", NegotiationConfig::decode, NegotiationConfig::encode),
            DecoderContract.format("demand record", DemandRecord::decode, DemandRecord::encode),
            DecoderContract.format("demand", DemandState::decode, DemandState::encode),
            DecoderContract.format("energy log", EnergyLog::decode, EnergyLog::encode),
            DecoderContract.format("open demands", OpenDemands::decode, OpenDemands::encode),
            DecoderContract.format("plan energy", PlanEnergy::decode, PlanEnergy::encode),
            DecoderContract.format("vote record", Vote::decode, Vote::encode));

    @MethodSource("arguments")
    @FuzzTest
    void contractArgs(byte[] input) {
        DecoderContract.checkAll(ARGS, input);
    }

    @MethodSource("records")
    @FuzzTest
    void records(byte[] input) {
        DecoderContract.checkAll(RECORDS, input);
    }

    static Stream<Arguments> arguments() {
        return Stream.of(
                seed("propose", new ProposeArgs("d1", 2, NegotiationEncodingTest.PLAN, List.of(45_000L, 0L)).encode()),
                seed("vote", new VoteArgs("d1", 2, false, RejectReason.PRICE).encode()),
                seed("post-demand", NegotiationEncodingTest.D.encode()),
                seed("social", new SocialArgs("p1", 750_000).encode()),
                seed("demand ref", new DemandRef("d1", 4).encode()),
                seed("policy", NegotiationEncodingTest.POLICY.encode()));
    }

    static Stream<Arguments> records() {
        DemandState state = NegotiationEncodingTest.sample();
        return Stream.of(
                seed("policies", new PolicyList(Map.of("p1", NegotiationEncodingTest.POLICY)).encode()),
                seed("participant", state.participants().get(0).encode()),
                seed("config", NegotiationConfig.DEFAULT.encode()),
                seed("demand record", state.record().encode()),
                seed("demand", state.encode()),
                seed("energy log", new EnergyLog(List.of(new EnergyLog.Entry(10, 600), new EnergyLog.Entry(20, 0))).encode()),
                seed("open demands", new OpenDemands(List.of("a", "b")).encode()),
                seed("plan energy", new PlanEnergy(List.of(new PlanEnergy.Share("p1", 22_500))).encode()),
                seed("vote record", new Vote("p1", 300_000, false, RejectReason.PRICE).encode()));
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
