package org.energychain.network;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * What a node far behind asks its chain's leader to catch up (read-only requests over the network's
 * channel), and the answers. Nothing in an answer is trusted: every block is re-validated and re-executed
 * by the asking node, every certificate checked against the genesis.
 *
 * <ul>
 *   <li>{@code EC/syncinfo/v1} → {@code EC/syncstate/v1}: i64 snapshot term, i64 snapshot index, i64 chain
 *       height at that snapshot (-1s when the leader has none), i64 the leader's height now</li>
 *   <li>{@code EC/blocks/v1} i64 from, i32 max → {@code EC/blockrange/v1}: i32 n, n x (bytes block, bytes
 *       certificate, empty when none), at most {@link #MAX_BYTES} of blocks</li>
 * </ul>
 */
final class SyncMessages {
    static final String INFO = "EC/syncinfo/v1";
    static final String STATE = "EC/syncstate/v1";
    static final String BLOCKS = "EC/blocks/v1";
    static final String RANGE = "EC/blockrange/v1";
    static final int MAX_BLOCKS = 1_000;
    static final int MAX_BYTES = 16 << 20;

    record State(long snapshotTerm, long snapshotIndex, long snapshotHeight, long height) {
    }

    record Range(List<byte[]> blocks, List<byte[]> certificates) {
    }

    private SyncMessages() {
    }

    /** The tag an encoded request starts with, or empty if it has none. */
    static String tagOf(byte[] bytes) {
        try {
            return new CanonicalReader(bytes).string("tag");
        } catch (RuntimeException e) {
            return "";
        }
    }

    static byte[] info() {
        return new CanonicalWriter(32).tag(INFO).toByteArray();
    }

    static byte[] encode(State s) {
        return new CanonicalWriter(64).tag(STATE).i64(s.snapshotTerm()).i64(s.snapshotIndex()).i64(s.snapshotHeight())
                .i64(s.height()).toByteArray();
    }

    static State decodeState(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(STATE);
        State s = new State(r.i64("snapshot term"), r.i64("snapshot index"), r.i64("snapshot height"), r.i64("height"));
        r.end();
        return s;
    }

    static byte[] blocks(long from, int max) {
        return new CanonicalWriter(32).tag(BLOCKS).i64(from).i32(max).toByteArray();
    }

    static long[] decodeBlocksRequest(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(BLOCKS);
        long from = r.i64("from");
        int max = r.i32("max");
        r.end();
        if (from < 1 || max < 1 || max > MAX_BLOCKS) {
            throw new IllegalArgumentException("blocks from " + from + ", at most " + max + ": out of range");
        }
        return new long[] {from, max};
    }

    static byte[] encode(Range range) {
        CanonicalWriter w = new CanonicalWriter(1 << 16).tag(RANGE).i32(range.blocks().size());
        for (int i = 0; i < range.blocks().size(); i++) {
            w.bytes(range.blocks().get(i)).bytes(range.certificates().get(i));
        }
        return w.toByteArray();
    }

    static Range decodeRange(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(RANGE);
        int n = r.i32("count");
        if (n < 0 || n > MAX_BLOCKS) {
            throw new IllegalArgumentException("a block range holds 0.." + MAX_BLOCKS + " blocks, not " + n);
        }
        List<byte[]> blocks = new ArrayList<>(n);
        List<byte[]> certs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            blocks.add(r.bytes("block"));
            certs.add(r.bytes("certificate"));
        }
        r.end();
        return new Range(blocks, certs);
    }
}
