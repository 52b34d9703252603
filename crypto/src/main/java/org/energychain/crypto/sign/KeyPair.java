package org.energychain.crypto.sign;

/**
 * A private key with its public key, as a key generator returns them.
 *
 * @param privateKey the secret half
 * @param publicKey the public half, derived from the private key
 */
public record KeyPair(PrivateKey privateKey, PublicKey publicKey) {
    public KeyPair {
        if (privateKey == null || publicKey == null || !privateKey.scheme().equals(publicKey.scheme())) {
            throw new IllegalArgumentException("a key pair needs two keys of the same scheme");
        }
    }
}
