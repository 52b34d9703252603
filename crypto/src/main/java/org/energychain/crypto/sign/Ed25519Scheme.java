package org.energychain.crypto.sign;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 (RFC 8032, pure, no context) through BouncyCastle's low-level API. A signer object is made per
 * call (it only buffers the message), so the scheme is thread-safe without locks.
 */
final class Ed25519Scheme implements SignatureScheme {
    static final String NAME = "Ed25519";
    static final int KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(random);
        return new KeyPair(new PrivateKey(NAME, priv.getEncoded()),
                new PublicKey(NAME, priv.generatePublicKey().getEncoded()));
    }

    @Override
    public PublicKey publicKeyOf(PrivateKey privateKey) {
        return new PublicKey(NAME, params(privateKey).generatePublicKey().getEncoded());
    }

    @Override
    public byte[] sign(PrivateKey privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, params(privateKey));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public boolean verify(PublicKey publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null || !NAME.equals(publicKey.scheme())
                || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        byte[] key = publicKey.encoded();
        if (key.length != KEY_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, decoded(key));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false; // a key that is not a curve point
        }
    }

    /**
     * Decoded public keys, cached: decoding (a point decompression) is a fifth of a verification, and a
     * chain sees the same few member keys over and over. Bounded; cleared when full.
     */
    private final java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, Ed25519PublicKeyParameters> keys =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_KEYS = 4096;

    private Ed25519PublicKeyParameters decoded(byte[] key) {
        java.nio.ByteBuffer k = java.nio.ByteBuffer.wrap(key.clone());
        Ed25519PublicKeyParameters p = keys.get(k);
        if (p == null) {
            p = new Ed25519PublicKeyParameters(key, 0);
            if (keys.size() >= MAX_CACHED_KEYS) {
                keys.clear();
            }
            keys.put(k, p);
        }
        return p;
    }

    /** The public key bytes checked to be a valid Ed25519 point encoding. */
    static byte[] checkedPublicKey(byte[] encoded) {
        if (encoded.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key has " + encoded.length + " bytes, expected 32");
        }
        try {
            return new Ed25519PublicKeyParameters(encoded, 0).getEncoded();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", e);
        }
    }

    private static Ed25519PrivateKeyParameters params(PrivateKey key) {
        if (!NAME.equals(key.scheme())) {
            throw new IllegalArgumentException("an " + key.scheme() + " key cannot sign with " + NAME);
        }
        byte[] seed = key.encoded();
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key has " + seed.length + " bytes, expected 32");
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
