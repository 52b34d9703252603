package org.energychain.supervision.contract;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.crypto.encoding.DecoderContract.Format;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the business and regulatory chain contracts' decoders of outside bytes
 * (docs/fuzzing.md): every argument a member sends, and the records, pages and events a client reads
 * back. An anchor's arguments must also survive what the contract does right after decoding them:
 * recomputing {@code Hash_G} from the plant roots.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class ContractDecodersFuzzTest {
    static final Format<AnchorArgs> ANCHOR = DecoderContract.format("anchor", AnchorArgs::decode, AnchorArgs::encode);
    static final List<Format<?>> ARGS = List.of(
            DecoderContract.format("file", FilingArgs::decode, FilingArgs::encode),
            DecoderContract.format("destruction", DestructionArgs::decode, DestructionArgs::encode),
            DecoderContract.format("acknowledge", AckArgs::decode, AckArgs::encode),
            DecoderContract.format("pending", PendingArgs::decode, PendingArgs::encode),
            DecoderContract.format("page", PageArgs::decode, PageArgs::encode),
            DecoderContract.format("anchor query", AnchorQuery::decode, AnchorQuery::encode),
            DecoderContract.format("filing query", FilingQuery::decode, FilingQuery::encode));
    static final List<Format<?>> RECORDS = List.of(
            DecoderContract.format("anchor record", Anchor::decode, Anchor::encode),
            DecoderContract.format("filing record", Filing::decode, Filing::encode),
            DecoderContract.format("destruction record", Destruction::decode, Destruction::encode),
            DecoderContract.<Page<byte[]>>format("page", b -> Page.decode(b, Function.identity()),
                    p -> p.encode(Function.identity())),
            DecoderContract.format("period event", Events.PeriodEvent::decode, Events.PeriodEvent::encode),
            DecoderContract.format("destruction event", Events.DestructionEvent::decode,
                    Events.DestructionEvent::encode));

    private static final TxFacts FACTS = new TxFacts("G1", "ab".repeat(32), 5, Instant.parse("2026-04-01T08:00:00Z"));

    @MethodSource("anchors")
    @FuzzTest
    void anchorArgs(byte[] input) {
        AnchorArgs a = DecoderContract.check(ANCHOR, input);
        if (a != null) {
            a.computeGroupRoot();
        }
    }

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

    static Stream<Arguments> anchors() {
        return Stream.of(seed("SHA-256", Fixtures.anchor("G1", 1, "SHA-256").encode()),
                seed("SM3", Fixtures.anchor("G2", 3, "SM3").encode()));
    }

    static Stream<Arguments> arguments() {
        return Stream.of(
                seed("file", Fixtures.filing("G1", 1).encode()),
                seed("destruction", new DestructionArgs(Fixtures.destruction("G1", 4)).encode()),
                seed("acknowledge", new AckArgs(Fixtures.period("G1", 2), "checked \u00e9").encode()),
                seed("pending", new PendingArgs("G1", 10).encode()),
                seed("page", new PageArgs("G1", 3, 20).encode()),
                seed("anchor query", new AnchorQuery("G1", Fixtures.START, Fixtures.END, 0).encode()),
                seed("filing query", new FilingQuery(Fixtures.period("G1", 1)).encode()));
    }

    static Stream<Arguments> records() {
        Filing acked = new Filing(Fixtures.filing("G1", 1), FACTS, new Acknowledgement("ok", FACTS));
        return Stream.of(
                seed("anchor record", new Anchor(Fixtures.anchor("G1", 1, "SHA-256"), FACTS).encode()),
                seed("filing record", acked.encode()),
                seed("filing, not acknowledged", new Filing(Fixtures.filing("G1", 2), FACTS, null).encode()),
                seed("destruction record", new Destruction(new DestructionArgs(Fixtures.destruction("G1", 1)), FACTS)
                        .encode()),
                seed("page", new Page<>(9, 2, List.of(new byte[] {1}, new byte[0])).encode(Function.identity())),
                seed("period event", new Events.PeriodEvent(Fixtures.period("G1", 1), Fixtures.bytes(7)).encode()),
                seed("destruction event", new Events.DestructionEvent("G1", 3, 192, 2).encode()));
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
