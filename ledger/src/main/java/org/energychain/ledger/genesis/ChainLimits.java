package org.energychain.ledger.genesis;

import java.time.Duration;

/**
 * Limits of a chain, fixed in its genesis: block size (transactions and bytes), transaction size,
 * mempool capacity, and the longest time a pending transaction waits for a block.
 */
public record ChainLimits(int maxBlockTxs, int maxBlockBytes, int maxTxBytes, int mempoolMaxTxs, Duration blockInterval) {
    public static final ChainLimits DEFAULT = new ChainLimits(2000, 8 << 20, 64 << 10, 50_000, Duration.ofMillis(200));

    public ChainLimits {
        if (maxBlockTxs < 1 || maxBlockBytes < 1024 || maxTxBytes < 256 || mempoolMaxTxs < maxBlockTxs) {
            throw new IllegalArgumentException("chain limits out of range: " + maxBlockTxs + " txs/block, "
                    + maxBlockBytes + " bytes/block, " + maxTxBytes + " bytes/tx, mempool " + mempoolMaxTxs);
        }
        if (blockInterval.isNegative() || blockInterval.isZero() || blockInterval.toMillis() > 60_000) {
            throw new IllegalArgumentException("block interval must be between 1 ms and 60 s, got " + blockInterval);
        }
    }
}
