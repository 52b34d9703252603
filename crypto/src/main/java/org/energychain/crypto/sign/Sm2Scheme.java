package org.energychain.crypto.sign;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures (GM/T 0003-2012) on the sm2p256v1 curve with SM3 and the standard default user id
 * ({@code 1234567812345678}), signatures DER-encoded as {@code SEQUENCE {r INTEGER, s INTEGER}}.
 * Through BouncyCastle's low-level {@link SM2Signer}, one per call, so the scheme is thread-safe.
 */
final class Sm2Scheme implements SignatureScheme {
    static final String NAME = "SM2";
    static final ECNamedDomainParameters DOMAIN =
            new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.getByName("sm2p256v1"));
    static final int SCALAR_LENGTH = 32;
    static final int POINT_LENGTH = 65;
    private static final SecureRandom SIGNING_RANDOM = new SecureRandom();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        BigInteger maxExclusive = DOMAIN.getN().subtract(BigInteger.ONE); // d in [1, n-2]
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, maxExclusive.subtract(BigInteger.ONE), random);
        PrivateKey priv = new PrivateKey(NAME, BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, d));
        return new KeyPair(priv, new PublicKey(NAME, encode(publicPoint(d))));
    }

    @Override
    public PublicKey publicKeyOf(PrivateKey privateKey) {
        return new PublicKey(NAME, encode(publicPoint(scalar(privateKey))));
    }

    @Override
    public byte[] sign(PrivateKey privateKey, byte[] message) {
        SM2Signer signer = new SM2Signer(new SM3Digest());
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(scalar(privateKey), DOMAIN),
                SIGNING_RANDOM));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    @Override
    public boolean verify(PublicKey publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null || !NAME.equals(publicKey.scheme())) {
            return false;
        }
        try {
            SM2Signer signer = new SM2Signer(new SM3Digest());
            signer.init(false, decoded(publicKey.encoded()));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false; // not a point on the curve, or a malformed signature
        }
    }

    /**
     * Decoded and validated public keys, cached: decoding and validating a point costs about as much as a
     * verification, and BouncyCastle keeps its multiplication tables on the point object, so reusing it
     * makes repeated verifications under the same member key several times faster. Bounded; cleared when full.
     */
    private final java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, ECPublicKeyParameters> keys =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_KEYS = 4096;

    private ECPublicKeyParameters decoded(byte[] encoded) {
        java.nio.ByteBuffer k = java.nio.ByteBuffer.wrap(encoded.clone());
        ECPublicKeyParameters p = keys.get(k);
        if (p == null) {
            p = new ECPublicKeyParameters(decodePoint(encoded), DOMAIN);
            if (keys.size() >= MAX_CACHED_KEYS) {
                keys.clear();
            }
            keys.put(k, p);
        }
        return p;
    }

    /** Decodes an uncompressed public point, refusing anything off the curve or at infinity. */
    static ECPoint decodePoint(byte[] encoded) {
        if (encoded.length != POINT_LENGTH || encoded[0] != 0x04) {
            throw new IllegalArgumentException("SM2 public key must be a 65-byte uncompressed point, got "
                    + encoded.length + " bytes");
        }
        ECPoint q = DOMAIN.getCurve().decodePoint(encoded);
        return DOMAIN.validatePublicPoint(q);
    }

    /** The private scalar, checked to lie in [1, n-2] as GM/T 0003 requires. */
    static BigInteger scalar(PrivateKey key) {
        if (!NAME.equals(key.scheme())) {
            throw new IllegalArgumentException("an " + key.scheme() + " key cannot sign with " + NAME);
        }
        byte[] b = key.encoded();
        if (b.length != SCALAR_LENGTH) {
            throw new IllegalArgumentException("SM2 private key has " + b.length + " bytes, expected 32");
        }
        BigInteger d = new BigInteger(1, b);
        if (d.signum() == 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) >= 0) {
            throw new IllegalArgumentException("SM2 private key outside [1, n-2]");
        }
        return d;
    }

    static ECPoint publicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    }

    static byte[] encode(ECPoint q) {
        return q.getEncoded(false);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
