package org.energychain.network;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * What a chain's replicated log holds: a proposed block, a validator's vote, or several votes of one validator
 * in one entry (votes that waited while an earlier one was being appended go in together, so that a busy
 * validator's finality lag stays one log round instead of one round per height). Encoding: tag
 * {@code EC/entry/v1}, u8 kind (1 block, 2 vote, 3 votes), bytes payload: the block's or vote's own encoding,
 * or for kind 3 {@code i32 n (1..MAX_VOTES), n x bytes vote}.
 */
public record LogEntry(Kind kind, byte[] payload) {
    public static final String TAG = "EC/entry/v1";

    public enum Kind {
        BLOCK(1), VOTE(2), VOTES(3);

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

    /** The most votes one entry carries. */
    public static final int MAX_VOTES = 256;

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
        CanonicalWriter w = new CanonicalWriter(votes.stream().mapToInt(v -> v.length + 4).sum() + 4).i32(votes.size());
        votes.forEach(w::bytes);
        return new LogEntry(Kind.VOTES, w.toByteArray());
    }

    /**
     * The votes this entry carries, each a signed vote's encoding (not yet checked: the vote tally checks each).
     *
     * @throws IllegalArgumentException if it is not a vote entry, or its vote list is malformed
     */
    public List<byte[]> votes() {
        return switch (kind) {
            case VOTE -> List.of(payload.clone());
            case VOTES -> {
                CanonicalReader r = new CanonicalReader(payload);
                int n = r.count("votes", 4);
                if (n < 1 || n > MAX_VOTES) {
                    throw new IllegalArgumentException("votes: " + n + " votes in one entry (1 to " + MAX_VOTES + ")");
                }
                List<byte[]> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(r.bytes("vote " + i));
                }
                r.end();
                yield out;
            }
            case BLOCK -> throw new IllegalArgumentException("a block entry holds no votes");
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
