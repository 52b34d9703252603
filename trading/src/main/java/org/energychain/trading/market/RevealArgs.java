package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * {@code reveal-key} (the trade's seller, after the buyer confirmed receipt): the trade's AES-256 key,
 * which the contract checks against the key commitment made at delivery.
 *
 * <p>Encoding: tag {@code EC/market-reveal/v1}, string tradeId, fixed(32) key.
 */
public record RevealArgs(String tradeId, byte[] key) {
    public static final String TAG = "EC/market-reveal/v1";

    public RevealArgs {
        Wire.tradeId(tradeId);
        if (key == null || key.length != ChunkCipher.KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + ChunkCipher.KEY_BYTES + " bytes, got "
                    + (key == null ? null : key.length));
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    public byte[] encode() {
        return new CanonicalWriter(128).tag(TAG).string(tradeId).fixed(key).toByteArray();
    }

    public static RevealArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        RevealArgs a = new RevealArgs(r.string("tradeId"), r.fixed(ChunkCipher.KEY_BYTES, "key"));
        r.end();
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RevealArgs a && java.util.Arrays.equals(encode(), a.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "RevealArgs[" + tradeId + "]";
    }
}
