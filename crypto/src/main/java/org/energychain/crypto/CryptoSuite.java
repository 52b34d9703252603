package org.energychain.crypto;

import org.energychain.crypto.sign.SignatureScheme;

/**
 * A chain's crypto suite: the hash function of its Merkle trees, block and transaction hashes, and the
 * signature scheme of its members. Chosen once in a chain's genesis and named in every hashed object,
 * so a chain can move to another suite later without ambiguity.
 *
 * @param name the canonical suite name, e.g. {@code sha256-ed25519}
 * @param hash the suite's hash function
 * @param signatures the suite's signature scheme
 */
public record CryptoSuite(String name, HashFunction hash, SignatureScheme signatures) {
    public CryptoSuite {
        if (name == null || hash == null || signatures == null) {
            throw new IllegalArgumentException("a crypto suite needs a name, a hash function and a signature scheme");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
