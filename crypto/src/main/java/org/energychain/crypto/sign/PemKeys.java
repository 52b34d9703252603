package org.energychain.crypto.sign;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Keys as PEM text in the formats every tool reads: private keys as unencrypted PKCS#8
 * ({@code PRIVATE KEY}, RFC 5208/5958), public keys as X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY},
 * RFC 5280). Ed25519 keys use the RFC 8410 form (OID 1.3.101.112); SM2 keys are EC keys
 * ({@code id-ecPublicKey}) on the named curve sm2p256v1 (OID 1.2.156.10197.1.301), as OpenSSL writes
 * them. Reading detects the scheme from the algorithm identifier.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message starts with {@code source} (a file
 * name, say), so a user can tell which of many key files is wrong.
 */
public final class PemKeys {
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private PemKeys() {
    }

    /** PKCS#8 PEM of a private key. */
    public static String toPem(PrivateKey key) {
        return pem(PRIVATE_KEY, encode(privateKeyInfo(key)));
    }

    private static PrivateKeyInfo privateKeyInfo(PrivateKey key) {
        try {
            if (scheme(key.scheme()).equals(Ed25519Scheme.NAME)) {
                return new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                        new DEROctetString(checkedSeed(key)));
            }
            BigInteger d = Sm2Scheme.scalar(key);
            byte[] q = Sm2Scheme.encode(Sm2Scheme.publicPoint(d));
            return new PrivateKeyInfo(sm2Algorithm(), new ECPrivateKey(256, d, new DERBitString(q), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SubjectPublicKeyInfo PEM of a public key. */
    public static String toPem(PublicKey key) {
        SubjectPublicKeyInfo info = switch (scheme(key.scheme())) {
            case Ed25519Scheme.NAME -> new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                    Ed25519Scheme.checkedPublicKey(key.encoded()));
            default -> new SubjectPublicKeyInfo(sm2Algorithm(), Sm2Scheme.decodePoint(key.encoded()).getEncoded(false));
        };
        return pem(PUBLIC_KEY, encode(info));
    }

    /** Reads a PKCS#8 private key of either scheme; {@code source} names the input in errors. */
    public static PrivateKey privateKeyFromPem(String pem, String source) {
        Object o = parse(pem, source);
        if (!(o instanceof PrivateKeyInfo info)) {
            throw wrongType(source, o, "an unencrypted PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
        }
        try {
            ASN1ObjectIdentifier alg = info.getPrivateKeyAlgorithm().getAlgorithm();
            if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
                byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
                PrivateKey key = new PrivateKey(Ed25519Scheme.NAME, seed);
                checkedSeed(key);
                return key;
            }
            if (isSm2(info.getPrivateKeyAlgorithm())) {
                ECPrivateKey ec = ECPrivateKey.getInstance(info.parsePrivateKey());
                BigInteger d = ec.getKey();
                if (d.bitLength() > 256) {
                    throw new IllegalArgumentException("SM2 private key longer than 32 bytes");
                }
                PrivateKey key = new PrivateKey(Sm2Scheme.NAME, org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, d));
                byte[] derived = Sm2Scheme.encode(Sm2Scheme.publicPoint(Sm2Scheme.scalar(key)));
                org.bouncycastle.asn1.ASN1BitString embedded = ec.getPublicKey();
                if (embedded != null && !Arrays.equals(embedded.getOctets(), derived)) {
                    throw new IllegalArgumentException("embedded public key does not match the private key");
                }
                return key;
            }
            throw new IllegalArgumentException("unsupported key algorithm " + alg.getId()
                    + " (supported: Ed25519 1.3.101.112, SM2 EC keys on sm2p256v1)");
        } catch (IOException | RuntimeException e) {
            throw malformed(source, e);
        }
    }

    /** Reads a SubjectPublicKeyInfo public key of either scheme; {@code source} names the input in errors. */
    public static PublicKey publicKeyFromPem(String pem, String source) {
        Object o = parse(pem, source);
        if (!(o instanceof SubjectPublicKeyInfo info)) {
            throw wrongType(source, o, "a public key (-----BEGIN PUBLIC KEY-----)");
        }
        try {
            ASN1ObjectIdentifier alg = info.getAlgorithm().getAlgorithm();
            byte[] bits = info.getPublicKeyData().getOctets();
            if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
                return new PublicKey(Ed25519Scheme.NAME, Ed25519Scheme.checkedPublicKey(bits));
            }
            if (isSm2(info.getAlgorithm())) {
                return new PublicKey(Sm2Scheme.NAME, Sm2Scheme.encode(Sm2Scheme.decodePoint(bits)));
            }
            throw new IllegalArgumentException("unsupported key algorithm " + alg.getId()
                    + " (supported: Ed25519 1.3.101.112, SM2 EC keys on sm2p256v1)");
        } catch (RuntimeException e) {
            throw malformed(source, e);
        }
    }

    /** Reads an X.509 certificate (-----BEGIN CERTIFICATE-----) and returns its DER encoding. */
    public static byte[] certificateFromPem(String pem, String source) {
        Object o = parse(pem, source);
        if (!(o instanceof org.bouncycastle.cert.X509CertificateHolder cert)) {
            throw wrongType(source, o, "a certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            return cert.getEncoded();
        } catch (IOException e) {
            throw malformed(source, e);
        }
    }

    /** The PEM text of a DER-encoded X.509 certificate. */
    public static String certificateToPem(byte[] der) {
        return pem("CERTIFICATE", der);
    }

    private static boolean isSm2(AlgorithmIdentifier alg) {
        if (alg.getAlgorithm().equals(GMObjectIdentifiers.sm2p256v1)) {
            return true; // some tools put the curve OID in the algorithm field
        }
        if (!alg.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return false;
        }
        ASN1Encodable params = alg.getParameters();
        if (params instanceof ASN1ObjectIdentifier curve && curve.equals(GMObjectIdentifiers.sm2p256v1)) {
            return true;
        }
        throw new IllegalArgumentException("EC key on curve " + (params instanceof ASN1ObjectIdentifier c
                ? c.getId() : "with explicit parameters") + " is not an SM2 key (expected named curve sm2p256v1, "
                + GMObjectIdentifiers.sm2p256v1.getId() + ")");
    }

    private static Object parse(String pem, String source) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            if (o == null) {
                throw new IllegalArgumentException(source + ": no PEM object found (is this a key file?)");
            }
            return o;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith(source + ":")) {
                throw iae;
            }
            throw malformed(source, e);
        }
    }

    private static byte[] checkedSeed(PrivateKey key) {
        byte[] seed = key.encoded();
        if (seed.length != Ed25519Scheme.KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key has " + seed.length + " bytes, expected 32");
        }
        return seed;
    }

    private static String scheme(String name) {
        return SignatureSchemes.byName(name).name();
    }

    private static AlgorithmIdentifier sm2Algorithm() {
        return new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1);
    }

    private static IllegalArgumentException wrongType(String source, Object found, String expected) {
        return new IllegalArgumentException(source + ": expected " + expected + ", found " + describe(found));
    }

    private static String describe(Object o) {
        if (o instanceof PrivateKeyInfo) {
            return "a private key";
        }
        if (o instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        String name = o.getClass().getSimpleName();
        return switch (name) {
            case "PEMKeyPair" -> "a traditional (SEC1/PKCS#1) private key; convert it with 'openssl pkcs8 -topk8 -nocrypt'";
            case "PKCS8EncryptedPrivateKeyInfo" -> "an encrypted private key; decrypt it first";
            case "X509CertificateHolder" -> "a certificate";
            default -> "a " + name;
        };
    }

    private static IllegalArgumentException malformed(String source, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IllegalArgumentException(source + ": malformed key: " + why, e);
    }

    private static byte[] encode(ASN1Encodable info) {
        try {
            return info.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
