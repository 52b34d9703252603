package org.energychain.ledger;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.crypto.encoding.DecoderContract.Format;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.ResultCode;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the ledger's decoders of outside bytes (docs/fuzzing.md): transactions as a node receives
 * them, blocks (with their headers and results) as a store or a peer hands them over, and genesis. Each
 * input must decode to a value that re-encodes to the same bytes, or be refused with a message.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class LedgerDecodersFuzzTest {
    private static final int WIDTH = 32;
    // A decoded transaction keeps the bytes it came from, so "re-encodes to the same bytes" is checked on one
    // built afresh from its fields: that is what shows the bytes were canonical.
    static final Format<Transaction> TRANSACTION = DecoderContract.format("transaction", Transaction::decode,
            t -> rebuilt(t).encode());
    static final List<Format<?>> BLOCK_PARTS = List.of(
            DecoderContract.format("block", b -> Block.decode(b, WIDTH), b -> new Block(b.header(), b.signature(),
                    b.transactions().stream().map(LedgerDecodersFuzzTest::rebuilt).toList(), b.results()).encode()),
            DecoderContract.format("block header", b -> BlockHeader.decode(b, WIDTH), BlockHeader::encode),
            DecoderContract.format("result", TxResult::decode, TxResult::encode));
    static final Format<Genesis> GENESIS = DecoderContract.format("genesis", Genesis::decode, Genesis::encode);

    @MethodSource("transactions")
    @FuzzTest
    void transaction(byte[] input) {
        DecoderContract.check(TRANSACTION, input);
    }

    @MethodSource("blocks")
    @FuzzTest
    void block(byte[] input) {
        DecoderContract.checkAll(BLOCK_PARTS, input);
    }

    @MethodSource("geneses")
    @FuzzTest
    void genesis(byte[] input) {
        DecoderContract.check(GENESIS, input);
    }

    static Transaction rebuilt(Transaction t) {
        return new Transaction(t.chainId(), t.sender(), t.nonce(), t.contract(), t.method(), t.args(), t.signature());
    }

    static Transaction sampleTx(long nonce) {
        return new Transaction("regulatory", "G1", nonce, "regulatory-filing", "file", new byte[] {1, 2, 3},
                new byte[] {(byte) 0xaa, (byte) 0xbb});
    }

    static Stream<Arguments> transactions() {
        return Stream.of(seed("tx", sampleTx(7).encode()),
                seed("tx, empty args", new Transaction("c", "g", 0, "kv", "put", new byte[0], new byte[64]).encode()));
    }

    static Stream<Arguments> blocks() {
        TxResult ok = TxResult.ok(List.of(new Event("put", "a=1".getBytes(StandardCharsets.UTF_8))));
        TxResult refused = new TxResult(ResultCode.OK + 3, "refused: \u00e9", List.of());
        BlockHeader header = new BlockHeader("regulatory", 1, filled(1), filled(2), filled(3), filled(4),
                Instant.parse("2026-06-01T00:01:00Z"), "reg", 2);
        Block block = new Block(header, new byte[] {5, 6}, List.of(sampleTx(1), sampleTx(2)), List.of(ok, refused));
        return Stream.of(seed("block", block.encode()), seed("header", header.encode()), seed("result", ok.encode()));
    }

    static Stream<Arguments> geneses() {
        Genesis g = new Genesis("business-g1", CryptoSuites.DEFAULT.name(), true, Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new Member("G1", Set.of("writer", "auditor"), new PublicKey("Ed25519", filled(7))),
                        new Member("REG", Set.of("reader"), new PublicKey("SM2", new byte[65]))),
                List.of(new org.energychain.ledger.genesis.NodeInfo("G1-1", "G1", new PublicKey("Ed25519", filled(9)),
                        new byte[] {1, 2}, "127.0.0.1:9600", "https://127.0.0.1:9601")),
                List.of(new Validator("G1-1", 10)), List.of("kv", "period-anchor"), ChainLimits.DEFAULT);
        return Stream.of(seed("genesis", g.encode()));
    }

    static byte[] filled(int b) {
        byte[] out = new byte[WIDTH];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
