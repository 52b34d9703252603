package org.energychain.crypto.sign;

import java.security.SecureRandom;

/**
 * A digital signature scheme of a crypto suite. Implementations are stateless and thread-safe: one
 * instance serves every thread of a node, which verifies thousands of signatures a second.
 *
 * <p>{@link #verify} is the gate for untrusted input, so it answers {@code false} for anything that is
 * not a valid signature (malformed keys or signatures, keys of another scheme, nulls) and never throws.
 * {@link #sign} is called with our own keys, so it throws {@link IllegalArgumentException} for a
 * malformed key or a key of another scheme.
 */
public interface SignatureScheme {
    /** The scheme's name as written into key files and genesis, e.g. {@code Ed25519} or {@code SM2}. */
    String name();

    /** A fresh key pair drawn from {@code random}. */
    KeyPair generateKeyPair(SecureRandom random);

    /** Derives the public key of a private key (e.g. when only the private key file is at hand). */
    PublicKey publicKeyOf(PrivateKey privateKey);

    /** Signs {@code message} (the whole message; the scheme hashes it itself). */
    byte[] sign(PrivateKey privateKey, byte[] message);

    /** Whether {@code signature} is a valid signature of {@code message} under {@code publicKey}. */
    boolean verify(PublicKey publicKey, byte[] message, byte[] signature);
}
