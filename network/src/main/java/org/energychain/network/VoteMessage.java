package org.energychain.network;

import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Votes a validator sends its chain's leader directly (a read-only request over the network's mutual-TLS
 * channel), instead of appending each to the log: the leader tallies them and appends the certificate they
 * make, one log entry for all validators' votes of a block instead of one per vote. Request: tag
 * {@code EC/votes/v1}, i32 n (1..256), n x bytes signed vote. Answer: tag {@code EC/voted/v1}, i32 n (the
 * votes the leader read; each is checked there like a vote from the log, and a bad one is only ignored).
 */
final class VoteMessage {
    static final String TAG = "EC/votes/v1";
    static final String ANSWER_TAG = "EC/voted/v1";

    private VoteMessage() {
    }

    static byte[] encode(List<byte[]> votes) {
        if (votes.isEmpty() || votes.size() > LogEntry.MAX_VOTES) {
            throw new IllegalArgumentException("a vote message holds 1 to " + LogEntry.MAX_VOTES + " votes, not "
                    + votes.size());
        }
        byte[] list = LogEntry.list(votes);
        return new CanonicalWriter(list.length + 16).tag(TAG).fixed(list).toByteArray();
    }

    /** @throws IllegalArgumentException naming what is malformed */
    static List<byte[]> decode(byte[] bytes) {
        return LogEntry.list(new CanonicalReader(bytes).expectTag(TAG), "votes", LogEntry.MAX_VOTES);
    }

    static byte[] answer(int read) {
        return new CanonicalWriter(24).tag(ANSWER_TAG).i32(read).toByteArray();
    }

    /** @throws IllegalArgumentException if it is not an answer to a vote message */
    static int decodeAnswer(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(ANSWER_TAG);
        int n = r.i32("votes read");
        r.end();
        return n;
    }
}
