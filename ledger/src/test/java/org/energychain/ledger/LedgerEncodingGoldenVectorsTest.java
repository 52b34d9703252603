package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.exec.Nonces;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
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

    @Test
    void genesis() {
        byte[] key1 = new byte[32];
        byte[] key2 = new byte[32];
        byte[] key3 = new byte[32];
        java.util.Arrays.fill(key1, (byte) 0x11);
        java.util.Arrays.fill(key2, (byte) 0x22);
        java.util.Arrays.fill(key3, (byte) 0x33);
        Genesis g = new Genesis("regulatory", "sha256-ed25519", false, Instant.parse("2026-06-01T00:00:00Z"),
                List.of(new Member("REG", java.util.Set.of("regulator"), new PublicKey("Ed25519", key2)),
                        new Member("G1", java.util.Set.of("group"), new PublicKey("Ed25519", key1))),
                List.of(new NodeInfo("REG-1", "REG", new PublicKey("Ed25519", key3), new byte[] {(byte) 0xde, (byte) 0xad},
                        "127.0.0.1:9001", "https://127.0.0.1:8645")),
                List.of(new Validator("REG-1", 10)), List.of("regulatory-filing"), ChainLimits.DEFAULT);
        assertThat(Hex.encode(g.encode())).isEqualTo("0000000d45432f67656e657369732f76320000000a726567756c61746f72790000000e7368613235362d6564323535313900"
                + "0000019e807aec0000000002000000024731000000010000000567726f757000000007456432353531390000002011111111"
                + "11111111111111111111111111111111111111111111111111111111000000035245470000000100000009726567756c6174"
                + "6f72000000074564323535313900000020222222222222222222222222222222222222222222222222222222222222222200"
                + "000001000000055245472d310000000352454700000007456432353531390000002033333333333333333333333333333333"
                + "3333333333333333333333333333333300000002dead0000000e3132372e302e302e313a393030310000001668747470733a"
                + "2f2f3132372e302e302e313a3836343500000001000000055245472d31000000000000000a0000000100000011726567756c"
                + "61746f72792d66696c696e67000007d000800000000100000000c35000000000000000c8");
        assertThat(Hex.encode(g.hash())).isEqualTo("2698b1fc49f4721932c23c03bd0783ec501b8d3847ecb721a751be52b5a215cc");
        assertThat(Genesis.decode(g.encode())).isEqualTo(g);
    }
}
