package org.energychain.crypto.sign;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A private key as its scheme's raw encoding (Ed25519: the 32-byte RFC 8032 seed; SM2: the 32-byte
 * big-endian scalar). A plain value so that key files and signers share one type; {@link #toString()}
 * never shows the secret and {@link #equals(Object)} compares in constant time.
 *
 * @param scheme the {@link SignatureScheme#name()} the key belongs to
 * @param encoded the raw encoding (copied in and out)
 */
public record PrivateKey(String scheme, byte[] encoded) {
    public PrivateKey {
        if (scheme == null || encoded == null) {
            throw new IllegalArgumentException("private key needs a scheme and bytes");
        }
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKey k && scheme.equals(k.scheme) && MessageDigest.isEqual(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return 31 * scheme.hashCode() + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return scheme + " private key (hidden)";
    }
}
