package org.energychain.crypto;

/**
 * HMAC (RFC 2104) over any {@link HashFunction} with a 64-byte block (SHA-256 and SM3), so that keyed
 * derivations follow the suite: HMAC-SHA-256 or HMAC-SM3. Reusable, not thread-safe.
 */
public final class Hmac {
    private static final int BLOCK = 64;
    private final Digester inner;
    private final Digester outer;
    private final byte[] ipad = new byte[BLOCK];
    private final byte[] opad = new byte[BLOCK];
    private final byte[] innerHash;

    public Hmac(HashFunction hash, byte[] key) {
        this.inner = hash.newDigester();
        this.outer = hash.newDigester();
        byte[] k = key.length > BLOCK ? hash.hash(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        innerHash = new byte[hash.digestLength()];
        inner.update(ipad, 0, BLOCK);
    }

    /** Feeds message bytes. */
    public Hmac update(byte[] data, int off, int len) {
        inner.update(data, off, len);
        return this;
    }

    /** Finishes the MAC into {@code out} at {@code off} (full digest length) and starts a new message. */
    public void doFinal(byte[] out, int off) {
        inner.doFinal(innerHash, 0);
        outer.update(opad, 0, BLOCK);
        outer.update(innerHash, 0, innerHash.length);
        outer.doFinal(out, off);
        inner.update(ipad, 0, BLOCK);
    }

    public byte[] doFinal() {
        byte[] out = new byte[innerHash.length];
        doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "Hmac[key=<redacted>]";
    }
}
