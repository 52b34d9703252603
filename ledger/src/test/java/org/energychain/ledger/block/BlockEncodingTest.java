package org.energychain.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A block's encoding, sized up front and written without intermediate copies, is exactly the composition
 * docs/ledger.md specifies (bytes header, bytes signature, i32 n, n x bytes tx, n x bytes result), also with
 * non-ASCII messages and event types and large event data; {@link Block#sameAs} agrees with the encodings.
 */
class BlockEncodingTest {
    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    private static Block block(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(40);
        List<Transaction> txs = new ArrayList<>();
        List<TxResult> results = new ArrayList<>();
        String[] words = {"", "ok", "put", "énergie", "风电", "\uD83D\uDD0B battery", "x".repeat(300)};
        for (int i = 0; i < n; i++) {
            byte[] args = new byte[r.nextInt(2000)];
            r.nextBytes(args);
            txs.add(new Transaction("trading", "G" + i, i, "catalog", "publish", args, new byte[64]));
            List<Event> events = new ArrayList<>();
            for (int e = r.nextInt(4); e > 0; e--) {
                byte[] data = new byte[r.nextInt(5000)];
                r.nextBytes(data);
                events.add(new Event(words[r.nextInt(words.length)], data));
            }
            results.add(new TxResult(r.nextInt(3), words[r.nextInt(words.length)], events));
        }
        BlockHeader h = new BlockHeader("trading", 5, filled(1), filled(2), filled(3), filled(4),
                Instant.parse("2026-06-01T00:01:00Z"), "N1", n);
        return new Block(h, new byte[64], txs, results);
    }

    /** The spec's composition, written the plain way. */
    private static byte[] plain(Block b) {
        CanonicalWriter w = new CanonicalWriter().bytes(b.header().encode()).bytes(b.signature())
                .i32(b.transactions().size());
        b.transactions().forEach(t -> w.bytes(t.encode()));
        for (TxResult res : b.results()) {
            CanonicalWriter rw = new CanonicalWriter().tag(TxResult.TAG).i32(res.code()).string(res.message())
                    .i32(res.events().size());
            res.events().forEach(e -> rw.string(e.type()).bytes(e.data()));
            w.bytes(rw.toByteArray());
        }
        return w.toByteArray();
    }

    @RepeatedTest(20)
    void theEncodingIsTheSpecsComposition(org.junit.jupiter.api.RepetitionInfo info) {
        Block b = block(info.getCurrentRepetition());
        byte[] enc = b.encode();
        assertThat(enc).isEqualTo(plain(b));
        for (TxResult res : b.results()) {
            assertThat(res.encodedLength()).isEqualTo(res.encode().length);
        }
        Block back = Block.decode(enc, 32);
        assertThat(back.encode()).isEqualTo(enc);
        assertThat(back.sameAs(b)).isTrue();
    }

    @Test
    void sameAsTellsEveryDifference() {
        Block b = block(7);
        assertThat(b.sameAs(Block.decode(b.encode(), 32))).isTrue();
        byte[] sig = b.signature();
        sig[0] ^= 1;
        assertThat(b.sameAs(new Block(b.header(), sig, b.transactions(), b.results()))).isFalse();
        List<TxResult> results = new ArrayList<>(b.results());
        results.set(0, new TxResult(results.get(0).code(), results.get(0).message() + ".", results.get(0).events()));
        assertThat(b.sameAs(new Block(b.header(), b.signature(), b.transactions(), results))).isFalse();
        List<Transaction> txs = new ArrayList<>(b.transactions());
        Transaction t = txs.get(0);
        txs.set(0, new Transaction(t.chainId(), t.sender(), t.nonce() + 1, t.contract(), t.method(),
                "x".getBytes(StandardCharsets.UTF_8), t.signature()));
        assertThat(b.sameAs(new Block(b.header(), b.signature(), txs, b.results()))).isFalse();
        BlockHeader h = b.header();
        BlockHeader later = new BlockHeader(h.chainId(), h.height(), h.previousHash(), h.txRoot(), h.resultsRoot(),
                h.stateRoot(), h.time().plusMillis(1), h.proposer(), h.txCount());
        assertThat(b.sameAs(new Block(later, b.signature(), b.transactions(), b.results()))).isFalse();
    }
}
