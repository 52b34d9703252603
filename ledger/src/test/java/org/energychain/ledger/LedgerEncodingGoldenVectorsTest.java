package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.exec.Nonces;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of docs/ledger.md, computed by docs/reference/recompute.py (an independent Python
 * implementation of the spec): the Java encodings must match them byte for byte.
 */
class LedgerEncodingGoldenVectorsTest {
    static byte[] filled(int b) {
        byte[] out = new byte[32];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    @Test
    void transaction() {
        Transaction tx = new Transaction("regulatory", "G1", 7, "regulatory-filing", "file", new byte[] {1, 2, 3},
                new byte[] {(byte) 0xaa, (byte) 0xaa, (byte) 0xaa, (byte) 0xaa});
        assertThat(Hex.encode(tx.signedPayload())).isEqualTo("0000000845432f74782f76310000000a726567756c61746f7279"
                + "000000024731000000000000000700000011726567756c61746f72792d66696c696e670000000466696c6500000003010203");
        assertThat(Hex.encode(tx.id(HashFunctions.SHA256)))
                .isEqualTo("71169686f6332a63e53e1b6d4bd927f219dc073429596b8c62b22444c1e910f4");
        assertThat(Transaction.decode(tx.encode())).isEqualTo(tx);
    }

    @Test
    void result() {
        TxResult r = TxResult.ok(List.of(new Event("put", "a=1".getBytes(StandardCharsets.UTF_8))));
        assertThat(Hex.encode(r.encode()))
                .isEqualTo("0000000c45432f726573756c742f76310000000000000000000000010000000370757400000003613d31");
        assertThat(TxResult.decode(r.encode())).isEqualTo(r);
    }

    @Test
    void stateCommitment() {
        byte[] init = WriteSet.initialRoot(HashFunctions.SHA256, filled(0x33));
        assertThat(Hex.encode(init)).isEqualTo("f0664fdf764aec8be1ad4f88ed78d4dc4700822d40c0e944103e7f04f6322598");
        WriteSet w = new WriteSet();
        w.put("kv/a", "1".getBytes(StandardCharsets.UTF_8));
        w.put("_nonce/g1", Nonces.encode(1));
        w.delete("kv/gone");
        assertThat(Hex.encode(w.commitment(HashFunctions.SHA256, init)))
                .isEqualTo("1f65b50e605c9c42c90741aaf774aa106bdc2149978bc759c5e3c237e50822dc");
    }

    @Test
    void blockHeader() {
        BlockHeader h = new BlockHeader("regulatory", 1, filled(1), filled(2), filled(3), filled(4),
                Instant.parse("2026-06-01T00:01:00Z"), "reg", 2);
        assertThat(Hex.encode(h.encode())).isEqualTo("0000000b45432f626c6f636b2f76310000000a726567756c61746f7279"
                + "0000000000000001" + "01".repeat(32) + "02".repeat(32) + "03".repeat(32) + "04".repeat(32)
                + "0000019e807bd6600000000372656700000002");
        assertThat(BlockHeader.decode(h.encode(), 32)).usingRecursiveComparison().isEqualTo(h);
    }
}
