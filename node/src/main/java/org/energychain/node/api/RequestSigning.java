package org.energychain.node.api;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;

/**
 * Signed requests, which reads of a private chain need (docs/api.md, "Request signing"). A member signs,
 * with its chain key, one canonical encoding of everything that makes the request what it is: method,
 * exact path and query, the chain and its genesis hash, the node it is addressed to, the signer, the
 * time, a fresh nonce and the SHA-256 of the body. So a signature is good for one request to one node
 * within the clock-skew window, once: moved to another path, chain, node or network it does not verify,
 * and sent again the node has seen its nonce.
 */
public final class RequestSigning {
    public static final String TAG = "EC/http/v2";
    public static final String MEMBER = "X-EC-Member";
    public static final String NODE = "X-EC-Node";
    public static final String TIME = "X-EC-Time";
    public static final String NONCE = "X-EC-Nonce";
    public static final String CONTENT_SHA256 = "X-EC-Content-SHA256";
    public static final String SIGNATURE = "X-EC-Signature";
    public static final int NONCE_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a signed request says of itself in its headers, parsed. */
    public record Headers(String member, String node, long time, byte[] nonce, byte[] bodyDigest, byte[] signature) {
    }

    private RequestSigning() {
    }

    /** The bytes a member signs. {@code bodyDigest} is the SHA-256 of the body (of no bytes when there is none). */
    public static byte[] message(String method, String rawPath, String rawQuery, NodeIdentity target, String member,
            long timeMillis, byte[] nonce, byte[] bodyDigest) {
        if (nonce.length != NONCE_BYTES || bodyDigest.length != 32) {
            throw new IllegalArgumentException("a nonce has " + NONCE_BYTES + " bytes and a body digest 32");
        }
        return CanonicalWriter.tagged(TAG).string(method.toUpperCase(Locale.ROOT)).string(rawPath)
                .string(rawQuery == null ? "" : rawQuery).string(target.chain()).bytes(Hex.decode(target.genesisHash()))
                .string(target.node()).string(member).i64(timeMillis).fixed(nonce).fixed(bodyDigest).toByteArray();
    }

    /** A fresh random nonce. */
    public static byte[] newNonce() {
        byte[] n = new byte[NONCE_BYTES];
        RANDOM.nextBytes(n);
        return n;
    }

    /** The six headers of a request signed as {@code member} with {@code key} for {@code target}. */
    public static Map<String, String> sign(SignatureScheme scheme, PrivateKey key, String method, String rawPath,
            String rawQuery, NodeIdentity target, String member, long timeMillis, byte[] nonce, byte[] body) {
        byte[] digest = HashFunctions.SHA256.hash(body == null ? new byte[0] : body);
        byte[] sig = scheme.sign(key, message(method, rawPath, rawQuery, target, member, timeMillis, nonce, digest));
        Map<String, String> h = new LinkedHashMap<>();
        h.put(MEMBER, member);
        h.put(NODE, target.node());
        h.put(TIME, Long.toString(timeMillis));
        h.put(NONCE, Hex.encode(nonce));
        h.put(CONTENT_SHA256, Hex.encode(digest));
        h.put(SIGNATURE, Hex.encode(sig));
        return h;
    }

    /** Whether a request carries any signing header (and is then checked as a signed request). */
    static boolean isSigned(UnaryOperator<String> header) {
        for (String h : new String[] {MEMBER, NODE, TIME, NONCE, CONTENT_SHA256, SIGNATURE}) {
            if (header.apply(h) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses the signing headers of a request to {@code chain}.
     *
     * @throws ApiError 401 {@code UNAUTHENTICATED} when one is missing, {@code BAD_SIGNATURE} when one is malformed
     */
    static Headers parse(UnaryOperator<String> header, String chain) {
        String member = header.apply(MEMBER);
        String node = header.apply(NODE);
        String time = header.apply(TIME);
        String nonce = header.apply(NONCE);
        String digest = header.apply(CONTENT_SHA256);
        String sig = header.apply(SIGNATURE);
        if (member == null || node == null || time == null || nonce == null || digest == null || sig == null) {
            throw new ApiError(401, "UNAUTHENTICATED", "chain " + chain + " is private: sign the request (headers "
                    + MEMBER + ", " + NODE + ", " + TIME + ", " + NONCE + ", " + CONTENT_SHA256 + ", " + SIGNATURE
                    + "; docs/api.md)");
        }
        try {
            long t = Long.parseLong(time.trim());
            byte[] n = Hex.decode(nonce.trim());
            byte[] d = Hex.decode(digest.trim());
            if (n.length != NONCE_BYTES) {
                throw new IllegalArgumentException(NONCE + " must be " + NONCE_BYTES + " bytes of hex");
            }
            if (d.length != 32) {
                throw new IllegalArgumentException(CONTENT_SHA256 + " must be 32 bytes of hex");
            }
            return new Headers(member.trim(), node.trim(), t, n, d, Hex.decode(sig.trim()));
        } catch (IllegalArgumentException e) {
            throw new ApiError(401, "BAD_SIGNATURE", "malformed signing header: " + e.getMessage());
        }
    }

    /**
     * Checks a signed request to {@code genesis}'s chain and returns the member who signed it: its time
     * is within {@code skew} of {@code now} (else 401 {@code EXPIRED}), the signer is a member of the chain
     * (else 403 {@code NOT_A_MEMBER}), and the signature verifies under the member's genesis key over the
     * request as this node sees it, addressed to {@code h.node()} on this chain (else 401
     * {@code BAD_SIGNATURE}). Whether {@code h.node()} is an acceptable addressee, whether the nonce is
     * fresh and whether the body matches its digest are the caller's checks.
     */
    static Member verify(Genesis genesis, String method, String rawPath, String rawQuery, Headers h, Instant now,
            Duration skew) {
        // exact: a time of the node's clock + Long.MIN_VALUE made the difference overflow to itself, and its
        // Math.abs negative, inside the window
        java.math.BigInteger drift = java.math.BigInteger.valueOf(now.toEpochMilli())
                .subtract(java.math.BigInteger.valueOf(h.time())).abs();
        if (drift.compareTo(java.math.BigInteger.valueOf(skew.toMillis())) > 0) {
            throw new ApiError(401, "EXPIRED", TIME + " " + h.time() + " is " + drift + " ms from the node's clock ("
                    + now.toEpochMilli() + "); at most " + skew.toMillis() + " ms allowed");
        }
        Member m = genesis.member(h.member()).orElseThrow(() -> new ApiError(403, "NOT_A_MEMBER",
                h.member() + " is not a member of chain " + genesis.chainId()));
        NodeIdentity target = new NodeIdentity(genesis.chainId(), Hex.encode(genesis.hash()), h.node());
        byte[] msg = message(method, rawPath, rawQuery, target, m.id(), h.time(), h.nonce(), h.bodyDigest());
        if (!genesis.cryptoSuite().signatures().verify(m.key(), msg, h.signature())) {
            throw new ApiError(401, "BAD_SIGNATURE", "signature does not verify under " + m.id() + "'s key for "
                    + method + " " + rawPath + " on chain " + genesis.chainId() + " (genesis "
                    + Hex.encode(genesis.hash()) + ") addressed to " + h.node());
        }
        return m;
    }
}
