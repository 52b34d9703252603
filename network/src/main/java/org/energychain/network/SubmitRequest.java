package org.energychain.network;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Transactions a follower forwards to its chain's leader (over the network's mutual-TLS channel), and
 * the leader's per-transaction answer. Request: tag {@code EC/forward/v1}, i32 n, n x bytes tx. Answer:
 * tag {@code EC/forwarded/v1}, i32 n, n x (string reason: empty when accepted, string message).
 */
public final class SubmitRequest {
    public static final String TAG = "EC/forward/v1";
    public static final String ANSWER_TAG = "EC/forwarded/v1";
    /** The most transactions one forward carries. */
    public static final int MAX = 10_000;

    /** The leader's answer for one transaction: accepted (empty reason) or refused with a reason code. */
    public record Answer(String reason, String message) {
        public boolean accepted() {
            return reason.isEmpty();
        }
    }

    private SubmitRequest() {
    }

    public static byte[] encode(List<byte[]> txs) {
        CanonicalWriter w = new CanonicalWriter(256).tag(TAG).i32(txs.size());
        txs.forEach(w::bytes);
        return w.toByteArray();
    }

    public static List<byte[]> decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        int n = r.i32("count");
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("a forward carries 0.." + MAX + " transactions, not " + n);
        }
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.bytes("tx " + i));
        }
        r.end();
        return out;
    }

    public static byte[] encodeAnswers(List<Answer> answers) {
        CanonicalWriter w = new CanonicalWriter(64).tag(ANSWER_TAG).i32(answers.size());
        answers.forEach(a -> w.string(a.reason()).string(a.message()));
        return w.toByteArray();
    }

    public static List<Answer> decodeAnswers(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(ANSWER_TAG);
        int n = r.i32("count");
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("an answer covers 0.." + MAX + " transactions, not " + n);
        }
        List<Answer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Answer(r.string("reason"), r.string("message")));
        }
        r.end();
        return out;
    }
}
