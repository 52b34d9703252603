package org.energychain.network;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * What a chain's replicated log holds: a proposed block, or finality certificates the leader formed from the
 * votes validators sent it, so that every replica stores the same certificates and a replica that was down
 * learns them by replaying the log. Kinds 2 and 3 (one vote, several votes of one validator) are what earlier
 * versions appended for each vote; a log holding them is still applied. Encoding: tag {@code EC/entry/v1},
 * u8 kind (1 block, 2 vote, 3 votes, 4 certificates), bytes payload: the block's or vote's own encoding, or for
 * kinds 3 and 4 {@code i32 n (1..256), n x bytes item} (a signed vote's, a certificate's encoding).
 */
public record LogEntry(Kind kind, byte[] payload) {
    public static final String TAG = "EC/entry/v1";

    public enum Kind {
        BLOCK(1), VOTE(2), VOTES(3), CERTIFICATES(4);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown log entry kind " + code);
        }
    }

    /** The most votes, or certificates, one entry carries. */
    public static final int MAX_VOTES = 256;
    public static final int MAX_CERTIFICATES = MAX_VOTES;

    public LogEntry {
        payload = payload.clone();
    }

    /** One entry holding these votes (each a signed vote's encoding): a single vote as kind 2, more as kind 3. */
    public static LogEntry ofVotes(List<byte[]> votes) {
        if (votes.isEmpty() || votes.size() > MAX_VOTES) {
            throw new IllegalArgumentException("a vote entry holds 1 to " + MAX_VOTES + " votes, not " + votes.size());
        }
        if (votes.size() == 1) {
            return new LogEntry(Kind.VOTE, votes.get(0));
        }
        return new LogEntry(Kind.VOTES, list(votes));
    }

    /** One entry holding these finality certificates (each a certificate's encoding), 1 to 256. */
    public static LogEntry ofCertificates(List<byte[]> certificates) {
        if (certificates.isEmpty() || certificates.size() > MAX_CERTIFICATES) {
            throw new IllegalArgumentException("a certificate entry holds 1 to " + MAX_CERTIFICATES
                    + " certificates, not " + certificates.size());
        }
        return new LogEntry(Kind.CERTIFICATES, list(certificates));
    }

    /** {@code i32 n, n x bytes item}: the payload of kinds 3 and 4, and of {@link VoteMessage}. */
    static byte[] list(List<byte[]> items) {
        CanonicalWriter w = new CanonicalWriter(items.stream().mapToInt(v -> v.length + 4).sum() + 4).i32(items.size());
        items.forEach(w::bytes);
        return w.toByteArray();
    }

    /** Reads {@code i32 n (1..max), n x bytes item} to the end of the reader. */
    static List<byte[]> list(CanonicalReader r, String what, int max) {
        int n = r.count(what, 4);
        if (n < 1 || n > max) {
            throw new IllegalArgumentException(what + ": " + n + " " + what + " in one entry (1 to " + max + ")");
        }
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.bytes(what + " " + i));
        }
        r.end();
        return out;
    }

    /**
     * The certificates this entry carries, each a certificate's encoding (not yet checked).
     *
     * @throws IllegalArgumentException if it is not a certificate entry, or its list is malformed
     */
    public List<byte[]> certificates() {
        if (kind != Kind.CERTIFICATES) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " entry holds no certificates");
        }
        return list(new CanonicalReader(payload), "certificates", MAX_CERTIFICATES);
    }

    /**
     * The votes this entry carries, each a signed vote's encoding (not yet checked: the vote tally checks each).
     *
     * @throws IllegalArgumentException if it is not a vote entry, or its vote list is malformed
     */
    public List<byte[]> votes() {
        return switch (kind) {
            case VOTE -> List.of(payload.clone());
            case VOTES -> list(new CanonicalReader(payload), "votes", MAX_VOTES);
            case BLOCK, CERTIFICATES -> throw new IllegalArgumentException("a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " entry holds no votes");
        };
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public byte[] encode() {
        return new CanonicalWriter(payload.length + 32).tag(TAG).u8(kind.code).bytes(payload).toByteArray();
    }

    /** @throws IllegalArgumentException naming what is malformed */
    public static LogEntry decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        Kind k = Kind.of(r.u8("kind"));
        byte[] p = r.bytes("payload");
        r.end();
        return new LogEntry(k, p);
    }
}
