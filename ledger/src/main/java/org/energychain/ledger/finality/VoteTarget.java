package org.energychain.ledger.finality;

import java.security.MessageDigest;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.block.BlockHeader;

/**
 * What a validator attests after executing a block: this chain, at this height, has this block, and
 * executing it gave these results and this state. The block hash already covers the results and state
 * roots; they are named again so that a reader of a certificate sees what was certified without the block.
 *
 * <p>Encoding (the signed bytes): tag {@code EC/vote/v1}, string chain, i64 height, fixed blockHash, fixed
 * resultsRoot, fixed stateRoot (fixed: the suite's digest length).
 */
public record VoteTarget(String chainId, long height, byte[] blockHash, byte[] resultsRoot, byte[] stateRoot) {
    public static final String TAG = "EC/vote/v1";

    public VoteTarget {
        Objects.requireNonNull(chainId, "chainId");
        if (height < 1) {
            throw new IllegalArgumentException("a vote is for a block at height >= 1, got " + height);
        }
        blockHash = blockHash.clone();
        resultsRoot = resultsRoot.clone();
        stateRoot = stateRoot.clone();
        if (resultsRoot.length != blockHash.length || stateRoot.length != blockHash.length) {
            throw new IllegalArgumentException("vote of " + chainId + " at " + height + ": hashes of different lengths");
        }
    }

    /** The target of an executed block's header. */
    public static VoteTarget of(BlockHeader h, HashFunction hash) {
        return new VoteTarget(h.chainId(), h.height(), h.hash(hash), h.resultsRoot(), h.stateRoot());
    }

    @Override
    public byte[] blockHash() {
        return blockHash.clone();
    }

    @Override
    public byte[] resultsRoot() {
        return resultsRoot.clone();
    }

    @Override
    public byte[] stateRoot() {
        return stateRoot.clone();
    }

    public byte[] encode() {
        return write(new CanonicalWriter(160)).toByteArray();
    }

    CanonicalWriter write(CanonicalWriter w) {
        return w.tag(TAG).string(chainId).i64(height).fixed(blockHash).fixed(resultsRoot).fixed(stateRoot);
    }

    static VoteTarget read(CanonicalReader r, int width) {
        r.expectTag(TAG);
        return new VoteTarget(r.string("chain"), r.i64("height"), r.fixed(width, "block hash"),
                r.fixed(width, "results root"), r.fixed(width, "state root"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoteTarget t && chainId.equals(t.chainId) && height == t.height
                && MessageDigest.isEqual(blockHash, t.blockHash) && MessageDigest.isEqual(resultsRoot, t.resultsRoot)
                && MessageDigest.isEqual(stateRoot, t.stateRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chainId, height, java.util.Arrays.hashCode(blockHash));
    }

    @Override
    public String toString() {
        return chainId + "@" + height + "/" + org.energychain.crypto.Hex.encode(blockHash).substring(0, 12);
    }
}
