package org.energychain.ledger.block;

import java.time.Instant;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A block header: which chain and height, the previous block's hash (the genesis hash for block 1), the
 * RFC 9162 roots of the transaction ids and of the results, the state commitment after the block, the
 * block time (the only clock contracts see) and the proposer.
 *
 * <p>Encoding: tag {@code EC/block/v1}, string chain, i64 height, fixed prev, fixed txRoot, fixed
 * resultsRoot, fixed stateRoot, instant time, string proposer, i32 tx count. Block hash: {@code H(encoding)}.
 */
public record BlockHeader(String chainId, long height, byte[] previousHash, byte[] txRoot, byte[] resultsRoot,
        byte[] stateRoot, Instant time, String proposer, int txCount) {
    public static final String TAG = "EC/block/v1";

    public BlockHeader {
        Objects.requireNonNull(chainId, "chainId");
        previousHash = previousHash.clone();
        txRoot = txRoot.clone();
        resultsRoot = resultsRoot.clone();
        stateRoot = stateRoot.clone();
        Objects.requireNonNull(proposer, "proposer");
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] txRoot() {
        return txRoot.clone();
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
        return new CanonicalWriter(256).tag(TAG).string(chainId).i64(height).fixed(previousHash).fixed(txRoot)
                .fixed(resultsRoot).fixed(stateRoot).instant(time).string(proposer).i32(txCount).toByteArray();
    }

    public byte[] hash(HashFunction h) {
        return h.hash(encode());
    }

    public static BlockHeader decode(byte[] bytes, int width) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        BlockHeader b = new BlockHeader(r.string("chain"), r.i64("height"), r.fixed(width, "previous hash"),
                r.fixed(width, "tx root"), r.fixed(width, "results root"), r.fixed(width, "state root"),
                r.instant("time"), r.string("proposer"), r.i32("tx count"));
        r.end();
        return b;
    }
}
