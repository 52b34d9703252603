package org.energychain.trading.market;

import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.merkle.MerkleTree;

/**
 * The hashed definitions of the fair exchange, shared by the contract, the seller's
 * {@link DeliveryPackage} and the buyer's {@link DeliveryCheck} so that all three compute the same bytes
 * (docs/market.md). {@code H} is the listing's hash.
 */
public final class FairExchange {
    public static final String TRADE_ID_TAG = "EC/trade-id/v1";
    public static final String CIPHER_LEAF_TAG = "EC/cipher-leaf/v1";
    public static final String KEY_COMMITMENT_TAG = "EC/key-commitment/v1";

    private FairExchange() {
    }

    /** {@code hex(H(string "EC/trade-id/v1", string txId))}: one trade per purchase transaction. */
    public static String tradeId(HashFunction hash, String purchaseTxId) {
        return Hex.encode(hash.hash(new CanonicalWriter(96).tag(TRADE_ID_TAG).string(purchaseTxId).toByteArray()));
    }

    /**
     * The cipher leaf of chunk {@code index}: {@code string "EC/cipher-leaf/v1", i32 index, bytes
     * ciphertext, fixed(32) claimedPlainLeaf}; the cipher root is the RFC 9162 root over these leaves
     * (each hashed as {@code H(0x00 || leaf)}). Binding the claimed plaintext leaf to its ciphertext is what
     * lets one chunk prove the seller wrong.
     */
    public static byte[] cipherLeaf(int index, byte[] ciphertext, byte[] claimedPlainLeaf) {
        return new CanonicalWriter(ciphertext.length + 64).tag(CIPHER_LEAF_TAG).i32(index).bytes(ciphertext)
                .fixed(claimedPlainLeaf).toByteArray();
    }

    /** {@code H(0x00 || cipherLeaf(...))}, the leaf hash in the cipher tree. */
    public static byte[] cipherLeafHash(HashFunction hash, int index, byte[] ciphertext, byte[] claimedPlainLeaf) {
        return MerkleTree.leafHash(hash, cipherLeaf(index, ciphertext, claimedPlainLeaf));
    }

    /** {@code H(string "EC/key-commitment/v1", string tradeId, fixed(32) key)}. */
    public static byte[] keyCommitment(HashFunction hash, String tradeId, byte[] key) {
        return hash.hash(new CanonicalWriter(128).tag(KEY_COMMITMENT_TAG).string(tradeId).fixed(key).toByteArray());
    }

    /** The plaintext leaf hash of a chunk, as in the content root: {@code H(0x00 || chunk)}. */
    public static byte[] plainLeaf(HashFunction hash, byte[] chunk) {
        return MerkleTree.leafHash(hash, chunk);
    }
}
