package org.energychain.node.api;

import java.time.Duration;
import java.time.Instant;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;

/**
 * Signed requests, which reads of a private chain need (docs/api.md, "Request signing"). The member
 * signs, with its chain key, the canonical encoding: tag {@code EC/http/v1}, string method (upper
 * case), string raw path, string raw query (without {@code ?}; empty when none), string member id, i64
 * time (epoch milliseconds, as sent in {@code X-EC-Time}), fixed SHA-256 of the request body (32 bytes;
 * of no bytes when there is no body). Headers: {@code X-EC-Member}, {@code X-EC-Time},
 * {@code X-EC-Signature} (hex).
 */
public final class RequestSigning {
    public static final String TAG = "EC/http/v1";
    public static final String MEMBER = "X-EC-Member";
    public static final String TIME = "X-EC-Time";
    public static final String SIGNATURE = "X-EC-Signature";

    private RequestSigning() {
    }

    /** The bytes a member signs. */
    public static byte[] message(String method, String rawPath, String rawQuery, String member, long timeMillis,
            byte[] body) {
        return CanonicalWriter.tagged(TAG).string(method.toUpperCase(java.util.Locale.ROOT)).string(rawPath)
                .string(rawQuery == null ? "" : rawQuery).string(member).i64(timeMillis)
                .fixed(HashFunctions.SHA256.hash(body == null ? new byte[0] : body)).toByteArray();
    }

    /** The hex signature for the {@code X-EC-Signature} header. */
    public static String sign(SignatureScheme scheme, PrivateKey key, String method, String rawPath, String rawQuery,
            String member, long timeMillis, byte[] body) {
        return Hex.encode(scheme.sign(key, message(method, rawPath, rawQuery, member, timeMillis, body)));
    }

    /**
     * Checks the headers of a request to {@code genesis}'s chain and returns the member who signed it.
     *
     * @throws ApiError 401 when a header is missing or malformed, the time is outside {@code skew} of
     *     {@code now}, or the signature does not verify; 403 when the member is not a member of the chain
     */
    public static Member verify(Genesis genesis, String method, String rawPath, String rawQuery, byte[] body,
            String memberHeader, String timeHeader, String signatureHeader, Instant now, Duration skew) {
        if (memberHeader == null || timeHeader == null || signatureHeader == null) {
            throw new ApiError(401, "UNAUTHENTICATED", "chain " + genesis.chainId()
                    + " is private: sign the request (headers " + MEMBER + ", " + TIME + ", " + SIGNATURE + ")");
        }
        long time;
        byte[] sig;
        try {
            time = Long.parseLong(timeHeader.trim());
            sig = Hex.decode(signatureHeader);
        } catch (IllegalArgumentException e) {
            throw new ApiError(401, "BAD_SIGNATURE", "malformed " + TIME + " or " + SIGNATURE + " header: "
                    + e.getMessage());
        }
        long drift = Math.abs(now.toEpochMilli() - time);
        if (drift > skew.toMillis()) {
            throw new ApiError(401, "EXPIRED", TIME + " " + time + " is " + drift + " ms from the node's clock ("
                    + now.toEpochMilli() + "); at most " + skew.toMillis() + " ms allowed");
        }
        Member m = genesis.member(memberHeader.trim()).orElseThrow(() -> new ApiError(403, "NOT_A_MEMBER",
                memberHeader + " is not a member of chain " + genesis.chainId()));
        byte[] msg = message(method, rawPath, rawQuery, m.id(), time, body);
        if (!genesis.cryptoSuite().signatures().verify(m.key(), msg, sig)) {
            throw new ApiError(401, "BAD_SIGNATURE", "signature does not verify under " + m.id() + "'s key");
        }
        return m;
    }
}
