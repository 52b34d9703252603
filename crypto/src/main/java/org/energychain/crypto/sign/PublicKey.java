package org.energychain.crypto.sign;

import java.util.Arrays;
import org.energychain.crypto.Hex;

/**
 * A public key as its scheme's raw encoding (Ed25519: the 32-byte RFC 8032 encoding; SM2: the 65-byte
 * uncompressed point {@code 04 || x || y}). A plain value so that genesis files, transactions and
 * membership lists can hold and compare keys without touching any provider.
 *
 * @param scheme the {@link SignatureScheme#name()} the key belongs to
 * @param encoded the raw encoding (copied in and out)
 */
public record PublicKey(String scheme, byte[] encoded) {
    public PublicKey {
        if (scheme == null || encoded == null) {
            throw new IllegalArgumentException("public key needs a scheme and bytes");
        }
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && scheme.equals(k.scheme) && Arrays.equals(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return 31 * scheme.hashCode() + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return scheme + ":" + Hex.encode(encoded);
    }
}
