package org.energychain.ledger.mempool;

import org.energychain.ledger.genesis.ChainLimits;

/**
 * How much of a node's mempool one sender, and transactions waiting behind nonce gaps, may hold. Local
 * policy of a node (not part of a chain's genesis): every node protects its own pool.
 *
 * @param capacity transactions the pool holds in all
 * @param perSender transactions one sender may have pending; also how far beyond its next nonce it may queue
 * @param gappedPerSender transactions one sender may have waiting behind a nonce gap
 * @param gappedTotal transactions all senders together may have waiting behind gaps
 * @param gappedTtlMillis how long (chain clock) a gapped transaction is kept
 * @param gappedTtlBlocks how many blocks a gapped transaction is kept
 */
public record MempoolLimits(int capacity, int perSender, int gappedPerSender, int gappedTotal, long gappedTtlMillis,
        long gappedTtlBlocks) {
    public MempoolLimits {
        if (capacity < 1 || perSender < 1 || perSender > capacity || gappedPerSender < 0
                || gappedPerSender > perSender || gappedTotal < 0 || gappedTotal > capacity
                || gappedTtlMillis < 1 || gappedTtlBlocks < 1) {
            throw new IllegalArgumentException("mempool limits out of range: capacity " + capacity + ", per sender "
                    + perSender + ", gapped per sender " + gappedPerSender + ", gapped in all " + gappedTotal
                    + ", gapped kept " + gappedTtlMillis + " ms / " + gappedTtlBlocks + " blocks");
        }
    }

    /**
     * The defaults for a chain: its genesis capacity; a sender may hold a full block or a sixteenth of the
     * pool, whichever is more; 64 gapped transactions per sender and a quarter of the pool in all, kept
     * two minutes or 600 blocks.
     */
    public static MempoolLimits defaultsFor(ChainLimits chain) {
        int capacity = chain.mempoolMaxTxs();
        int perSender = Math.min(capacity, Math.max(chain.maxBlockTxs(), capacity / 16));
        return new MempoolLimits(capacity, perSender, Math.min(perSender, 64), capacity / 4, 120_000, 600);
    }
}
