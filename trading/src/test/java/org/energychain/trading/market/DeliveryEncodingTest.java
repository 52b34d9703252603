package org.energychain.trading.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.crypto.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/** The off-chain delivery format, the chunk cipher and every argument record's encoding. */
class DeliveryEncodingTest {
    private static final HashFunction SHA = HashFunctions.SHA256;
    private static final String TRADE = "ab".repeat(32);
    private static final byte[] KEY = bytes(32, 7);

    private static byte[] bytes(int n, int seed) {
        return MarketNet.dataset(n, seed);
    }

    @Test
    void chunkCipherIsAes256CtrWithTheDocumentedCounterBlock() throws Exception {
        byte[] plain = bytes(4096, 1);
        byte[] iv = ChunkCipher.iv(SHA, TRADE, 3);
        byte[] expectedIv = Arrays.copyOf(SHA.hash(new CanonicalWriter().tag(ChunkCipher.IV_TAG).string(TRADE).i32(3)
                .toByteArray()), 16);
        Arrays.fill(expectedIv, 12, 16, (byte) 0);
        assertThat(iv).isEqualTo(expectedIv);
        // an independent implementation: the JCA's AES/CTR
        Cipher jca = Cipher.getInstance("AES/CTR/NoPadding");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(iv));
        byte[] ct = ChunkCipher.apply(SHA, KEY, TRADE, 3, plain);
        assertThat(ct).isEqualTo(jca.doFinal(plain));
        assertThat(ChunkCipher.apply(SHA, KEY, TRADE, 3, ct)).isEqualTo(plain);
        // another chunk, another trade: another key stream
        assertThat(ChunkCipher.apply(SHA, KEY, TRADE, 4, plain)).isNotEqualTo(ct);
        assertThat(ChunkCipher.apply(SHA, KEY, "cd".repeat(32), 3, plain)).isNotEqualTo(ct);
        assertThat(ChunkCipher.iv(HashFunctions.SM3, TRADE, 3)).isNotEqualTo(iv);
        assertThatThrownBy(() -> ChunkCipher.apply(SHA, new byte[16], TRADE, 0, plain))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void everyPackageOfADatasetSizeHasTheLengthABuyerBoundsItsFetchBy() {
        for (int size : new int[] {1, 4095, 4096, 4097, 9000, 3 * 4096}) {
            for (HashFunction h : List.of(SHA, HashFunctions.SM3)) {
                DeliveryPackage p = DeliveryPackage.seal(h, TRADE, bytes(size, size), KEY);
                assertThat(p.encode()).as(size + " bytes, " + h.name())
                        .hasSize((int) DeliveryPackage.encodedSize(h.name(), TRADE, size));
            }
        }
    }

    @Test
    void sealedPackageRoundTripsAndCommitsToItsChunks() {
        byte[] data = bytes(9000, 2);
        DeliveryPackage p = DeliveryPackage.seal(SHA, TRADE, data, KEY);
        assertThat(p.chunkCount()).isEqualTo(3);
        assertThat(p.ciphertexts().get(2)).hasSize(9000 - 8192);
        assertThat(p.claimedContentRoot()).isEqualTo(ContentRoot.root(SHA, data));
        assertThat(p.keyCommitment()).isEqualTo(SHA.hash(new CanonicalWriter().tag(FairExchange.KEY_COMMITMENT_TAG)
                .string(TRADE).fixed(KEY).toByteArray()));
        byte[] leaf1 = new CanonicalWriter().tag(FairExchange.CIPHER_LEAF_TAG).i32(1).bytes(p.ciphertexts().get(1))
                .fixed(p.claimedLeaves().get(1)).toByteArray();
        assertThat(p.cipherTree().leafHash(1)).isEqualTo(MerkleTree.leafHash(SHA, leaf1));
        byte[] enc = p.encode();
        assertThat(DeliveryPackage.decode(enc)).isEqualTo(p);
        DeliverArgs d = p.deliverArgs("b1");
        assertThat(d.cipherRoot()).isEqualTo(p.cipherRoot());
        assertThat(DeliverArgs.decode(d.encode())).isEqualTo(d);
        DisputeProof proof = p.disputeProof(2);
        assertThat(MerkleTree.verifyInclusion(SHA, FairExchange.cipherLeafHash(SHA, 2, proof.ciphertext(),
                proof.claimedLeaf()), 2, 3, proof.path(), p.cipherRoot())).isTrue();
        assertThat(DisputeProof.decode(proof.encode())).isEqualTo(proof);
    }

    @Test
    void decodingIsStrict() {
        DeliveryPackage p = DeliveryPackage.seal(SHA, TRADE, bytes(9000, 3), KEY);
        byte[] enc = p.encode();
        assertThatThrownBy(() -> DeliveryPackage.decode(Arrays.copyOf(enc, enc.length + 1)))
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> DeliveryPackage.decode(Arrays.copyOf(enc, enc.length - 1)))
                .hasMessageContaining("cipherRoot");
        byte[] flipped = enc.clone();
        flipped[enc.length - 40] ^= 1; // inside the last claimed leaf
        assertThatThrownBy(() -> DeliveryPackage.decode(flipped)).hasMessageContaining("not the root over its chunks");
        assertThatThrownBy(() -> DeliveryPackage.decode(new byte[] {0, 0, 0, 1, 'x'})).hasMessageContaining(
                DeliveryPackage.TAG);
        byte[] noChunks = new CanonicalWriter().tag(DeliveryPackage.TAG).string("SHA-256").string(TRADE)
                .fixed(new byte[32]).i32(0).toByteArray();
        assertThatThrownBy(() -> DeliveryPackage.decode(noChunks)).hasMessageContaining("chunk count");
        byte[] shortFirst = new CanonicalWriter().tag(DeliveryPackage.TAG).string("SHA-256").string(TRADE)
                .fixed(new byte[32]).i32(2).bytes(new byte[100]).fixed(new byte[32]).bytes(new byte[100])
                .fixed(new byte[32]).fixed(new byte[32]).toByteArray();
        assertThatThrownBy(() -> DeliveryPackage.decode(shortFirst)).hasMessageContaining("ciphertext[0] has 100 bytes");
        byte[] md5 = new CanonicalWriter().tag(DeliveryPackage.TAG).string("MD5").toByteArray();
        assertThatThrownBy(() -> DeliveryPackage.decode(md5)).hasMessageContaining("MD5");
        assertThatThrownBy(() -> new DeliveryPackage("SHA-256", TRADE, new byte[32], List.of(new byte[10]),
                List.of())).hasMessageContaining("claimed leaves");
    }

    @Test
    void argumentRecordsRoundTripAndRefuseBadFields() {
        assertThat(DepositArgs.decode(new DepositArgs("b1", 5, "bank/1").encode())).isEqualTo(
                new DepositArgs("b1", 5, "bank/1"));
        assertThat(WithdrawArgs.decode(new WithdrawArgs(5, "p").encode())).isEqualTo(new WithdrawArgs(5, "p"));
        assertThat(PurchaseArgs.decode(new PurchaseArgs("D1/x", 2, 0).encode())).isEqualTo(new PurchaseArgs("D1/x", 2, 0));
        assertThat(TradeRef.decode(new TradeRef(TRADE).encode())).isEqualTo(new TradeRef(TRADE));
        assertThat(RevealArgs.decode(new RevealArgs(TRADE, KEY).encode())).isEqualTo(new RevealArgs(TRADE, KEY));
        assertThat(AccountBalance.decode(new AccountBalance("b1", 9).encode())).isEqualTo(new AccountBalance("b1", 9));
        assertThat(MarketTotals.decode(new MarketTotals(9, 3, 1).encode())).isEqualTo(new MarketTotals(9, 3, 1));
        TradesQuery q = new TradesQuery(TradesQuery.By.LISTING, "D1/a/b", 3, 7);
        assertThat(TradesQuery.decode(q.encode())).isEqualTo(q);
        MarketConfig c = new MarketConfig(Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofDays(3),
                Duration.ofDays(366));
        assertThat(MarketConfig.decode(c.encode())).isEqualTo(c);
        assertThat(MarketConfig.DEFAULT.dispute()).isEqualTo(Duration.ofHours(72));

        assertThatThrownBy(() -> new DepositArgs("b 1", 5, "r")).hasMessageContaining("account 'b 1'");
        assertThatThrownBy(() -> new DepositArgs("b1", 0, "r")).hasMessageContaining("amount");
        assertThatThrownBy(() -> new DepositArgs("b1", 1, "")).hasMessageContaining("reference");
        assertThatThrownBy(() -> new TradeRef("AB".repeat(32))).hasMessageContaining("lowercase hex");
        assertThatThrownBy(() -> new RevealArgs(TRADE, new byte[31])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PurchaseArgs("D1/x", 1, -1)).hasMessageContaining("maxPrice");
        assertThatThrownBy(() -> new MarketConfig(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(1))).hasMessageContaining("deliver");
        assertThatThrownBy(() -> new MarketConfig(Duration.ofMillis(1500), Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(1))).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new TradesQuery(TradesQuery.By.BUYER, "b1", 0, 101)).hasMessageContaining("limit");
        assertThatThrownBy(() -> TradesQuery.decode(new CanonicalWriter().tag(TradesQuery.TAG).u8(3).string("b1")
                .i64(0).i32(1).toByteArray())).hasMessageContaining("by");
        assertThatThrownBy(() -> new DisputeProof(TRADE, 0, new byte[1], new byte[32], java.util.Collections.nCopies(64,
                new byte[32]))).hasMessageContaining("path");
    }

    @Test
    void tradeStateRoundTripsAndRefusesInconsistentSteps() {
        Step s = new Step("b1", "00".repeat(32), 2, Instant.parse("2026-06-01T00:00:01Z"));
        TradeState t = TradeState.purchased(TRADE, "D1/x", 1, "s1", "b1", "SHA-256", new byte[32], 9000, 3, 10,
                MarketConfig.DEFAULT, s);
        assertThat(t.deadline()).isEqualTo(s.time().plus(Duration.ofHours(24)));
        TradeState done = t.delivered(s, new byte[32], new byte[32]).received(s).revealed(s, KEY)
                .closed(s, CloseReason.DISPUTE_UPHELD, 2);
        assertThat(TradeState.decode(done.encode())).isEqualTo(done);
        assertThat(done.payee()).isEqualTo("b1");
        assertThat(done.escrow()).isZero();
        assertThat(done.deadline()).isNull();
        assertThat(Hex.encode(TradeState.decode(t.encode()).encode())).isEqualTo(Hex.encode(t.encode()));
        assertThatThrownBy(() -> new TradeState(TRADE, "D1/x", 1, "s1", "b1", "SHA-256", new byte[32], 9000, 3, 10, 0,
                TradeStatus.PURCHASED, MarketConfig.DEFAULT, s, null, null, null, null, null, null, null,
                CloseReason.NONE, -1)).hasMessageContaining("escrow 0");
    }
}
