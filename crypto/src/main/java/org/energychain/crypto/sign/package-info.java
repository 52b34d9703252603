/**
 * Digital signatures of the crypto suites: Ed25519 (RFC 8032) and SM2 (GM/T 0003 with SM3), behind
 * one {@link org.energychain.crypto.sign.SignatureScheme} interface, with keys as plain immutable
 * values ({@link org.energychain.crypto.sign.PrivateKey}, {@link org.energychain.crypto.sign.PublicKey})
 * and PEM files for them ({@link org.energychain.crypto.sign.KeyFiles}).
 *
 * <p>We use BouncyCastle's low-level API rather than the JCA: it avoids provider look-ups and is about
 * ten times faster at Ed25519 verification, which a node does thousands of times a second.
 */
package org.energychain.crypto.sign;
