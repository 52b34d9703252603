package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/** The batch encoding is the documented one (golden vector of docs/api.md), and a bad frame names where. */
class TransactionBatchTest {
    @Test
    void theGoldenVectorOfDocsApiMdIsWhatTheCodeComputes() throws Exception {
        Map<String, String> v = SignedRequestTest.goldenVector("transaction batch");
        SignatureScheme ed25519 = CryptoSuites.SHA256_ED25519.signatures();
        PrivateKey key = new PrivateKey(ed25519.name(), Hex.decode(v.get("seed")));
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            txs.add(Transaction.sign(v.get("chain"), v.get("sender"), i, v.get("contract"), v.get("method"),
                    v.get("args" + i).getBytes(StandardCharsets.UTF_8), ed25519, key));
            assertThat(Hex.encode(txs.get(i).encode())).as("tx" + i).isEqualTo(v.get("tx" + i));
        }
        assertThat(Hex.encode(TransactionBatch.encode(txs))).isEqualTo(v.get("batch"));
        List<byte[]> items = TransactionBatch.decode(Hex.decode(v.get("batch")));
        assertThat(items).hasSize(2);
        assertThat(Hex.encode(items.get(1))).isEqualTo(v.get("tx1"));
    }

    @Test
    void anEmptyBatchAndRawItemsRoundTrip() {
        assertThat(TransactionBatch.decode(TransactionBatch.encodeRaw(List.of()))).isEmpty();
        List<byte[]> raw = List.of(new byte[] {1, 2, 3}, new byte[0]);
        List<byte[]> back = TransactionBatch.decode(TransactionBatch.encodeRaw(raw));
        assertThat(back).hasSize(2);
        assertThat(back.get(0)).containsExactly(1, 2, 3);
        assertThat(back.get(1)).isEmpty();
    }

    @Test
    void aBadFrameIsRefusedNamingTheOffsetAndTheTransaction() {
        byte[] good = TransactionBatch.encodeRaw(List.of(new byte[10], new byte[20]));
        // header: 4 + 13 (tag) + 4 (count) = 21; item 0 at 21 (4 + 10), item 1 at 35
        assertThatThrownBy(() -> TransactionBatch.decode(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(TransactionBatch.FrameException.class)
                .hasMessageContaining("batch transaction 1 at byte offset 35").hasMessageContaining("truncated");
        assertThatThrownBy(() -> TransactionBatch.decode(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(TransactionBatch.FrameException.class)
                .hasMessageContaining("ends at byte offset 59").hasMessageContaining("1 unexpected trailing bytes");
        assertThatThrownBy(() -> TransactionBatch.decode(new CanonicalWriter().tag("EC/txbatch/v2").i32(0).toByteArray()))
                .isInstanceOf(TransactionBatch.FrameException.class)
                .hasMessageContaining("byte offset 0").hasMessageContaining("EC/txbatch/v1");
        assertThatThrownBy(() -> TransactionBatch.decode(new byte[0]))
                .isInstanceOf(TransactionBatch.FrameException.class).hasMessageContaining("byte offset 0");
        assertThatThrownBy(() -> TransactionBatch.decode(header(-1)))
                .isInstanceOf(TransactionBatch.FrameException.class).hasMessageContaining("offset 17 is negative");
        // a count the body cannot hold is refused before anything is allocated for it
        assertThatThrownBy(() -> TransactionBatch.decode(header(5_000)))
                .isInstanceOf(TransactionBatch.FrameException.class).hasMessageContaining("cannot hold");
        byte[] negativeLength = new CanonicalWriter().tag(TransactionBatch.TAG).i32(1).i32(-7).toByteArray();
        assertThatThrownBy(() -> TransactionBatch.decode(negativeLength))
                .isInstanceOf(TransactionBatch.FrameException.class)
                .hasMessageContaining("batch transaction 0 at byte offset 21").hasMessageContaining("negative length");
    }

    @Test
    void moreThanTheLimitIsRefusedBeforeReadingTheItems() {
        assertThatThrownBy(() -> TransactionBatch.decode(header(TransactionBatch.MAX_TRANSACTIONS + 1)))
                .isInstanceOf(TransactionBatch.TooManyException.class).hasMessageContaining("at most 10000");
        List<byte[]> tooMany = new ArrayList<>();
        for (int i = 0; i <= TransactionBatch.MAX_TRANSACTIONS; i++) {
            tooMany.add(new byte[0]);
        }
        assertThatThrownBy(() -> TransactionBatch.encodeRaw(tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] header(int count) {
        return new CanonicalWriter().tag(TransactionBatch.TAG).i32(count).toByteArray();
    }
}
