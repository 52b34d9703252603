package org.energychain.trading.market;

import java.util.Objects;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * AES-256-CTR over one delivery chunk, with BouncyCastle's lightweight API so that the contract can
 * decrypt a disputed chunk deterministically without the JCA. The counter block of chunk {@code i} of
 * a trade is {@code H("EC/delivery-iv/v1", tradeId, i)[0..12) || 00 00 00 00}: distinct per trade and
 * chunk, and a chunk of at most 4096 bytes uses 256 counter values, so the 32-bit counter never wraps
 * into another chunk's stream. Keys are random per trade, so no key and counter pair is ever reused.
 */
public final class ChunkCipher {
    public static final int KEY_BYTES = 32;
    public static final String IV_TAG = "EC/delivery-iv/v1";

    private ChunkCipher() {
    }

    /** The 16-byte initial counter block of chunk {@code index} of trade {@code tradeId}. */
    public static byte[] iv(HashFunction hash, String tradeId, int index) {
        byte[] d = hash.hash(new CanonicalWriter(96).tag(IV_TAG).string(tradeId).i32(index).toByteArray());
        byte[] iv = new byte[16];
        System.arraycopy(d, 0, iv, 0, 12);
        return iv;
    }

    /** Encrypts or decrypts (CTR is its own inverse) one chunk. */
    public static byte[] apply(HashFunction hash, byte[] key, String tradeId, int index, byte[] data) {
        Objects.requireNonNull(data, "data");
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key must be " + KEY_BYTES + " bytes");
        }
        SICBlockCipher ctr = (SICBlockCipher) SICBlockCipher.newInstance(AESEngine.newInstance());
        ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv(hash, tradeId, index)));
        byte[] out = new byte[data.length];
        ctr.processBytes(data, 0, data.length, out, 0);
        return out;
    }
}
