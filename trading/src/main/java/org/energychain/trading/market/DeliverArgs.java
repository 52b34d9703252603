package org.energychain.trading.market;

import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * {@code deliver} (the trade's seller): commits to the encrypted delivery sent off chain to
 * {@code buyer}: the cipher root over the per-chunk cipher leaves, the chunk count and the key
 * commitment (definitions in {@link FairExchange}). Naming the buyer makes a delivery meant for another
 * trade's buyer fail loudly instead of silently binding the wrong package.
 *
 * <p>Encoding: tag {@code EC/market-deliver/v1}, string tradeId, string buyer, fixed(32) cipherRoot,
 * i32 chunkCount (&ge; 1), fixed(32) keyCommitment.
 */
public record DeliverArgs(String tradeId, String buyer, byte[] cipherRoot, int chunkCount, byte[] keyCommitment) {
    public static final String TAG = "EC/market-deliver/v1";

    public DeliverArgs {
        Wire.tradeId(tradeId);
        Wire.member(buyer, "buyer");
        cipherRoot = Wire.digest(cipherRoot, "cipherRoot");
        if (chunkCount < 1) {
            throw new IllegalArgumentException("chunkCount must be 1 or more, got " + chunkCount);
        }
        keyCommitment = Wire.digest(keyCommitment, "keyCommitment");
    }

    @Override
    public byte[] cipherRoot() {
        return cipherRoot.clone();
    }

    @Override
    public byte[] keyCommitment() {
        return keyCommitment.clone();
    }

    public byte[] encode() {
        return new CanonicalWriter(192).tag(TAG).string(tradeId).string(buyer).fixed(cipherRoot).i32(chunkCount)
                .fixed(keyCommitment).toByteArray();
    }

    public static DeliverArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        DeliverArgs a = new DeliverArgs(r.string("tradeId"), r.string("buyer"), r.fixed(Wire.DIGEST, "cipherRoot"),
                r.i32("chunkCount"), r.fixed(Wire.DIGEST, "keyCommitment"));
        r.end();
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeliverArgs d && java.util.Arrays.equals(encode(), d.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "DeliverArgs[" + tradeId + " to " + buyer + " root " + Hex.encode(cipherRoot) + " chunks " + chunkCount
                + "]";
    }
}
