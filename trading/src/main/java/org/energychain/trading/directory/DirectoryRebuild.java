package org.energychain.trading.directory;

import org.energychain.ledger.block.Block;
import org.energychain.ledger.store.ChainStore;

/**
 * Builds a directory from the chain itself: the directory holds nothing the blocks do not, so a node
 * can always rebuild it from block 1, or load a snapshot and apply only the blocks since.
 */
public final class DirectoryRebuild {
    private DirectoryRebuild() {
    }

    /** A directory of every block from 1 to the store's height. */
    public static SummaryDirectory rebuild(String chainId, ChainStore store) {
        return catchUp(SummaryDirectory.empty(chainId), store);
    }

    /**
     * Applies the blocks from {@code d.height() + 1} to the store's height, e.g. after loading a
     * snapshot; returns {@code d}. A directory ahead of the store or of another chain is refused.
     */
    public static SummaryDirectory catchUp(SummaryDirectory d, ChainStore store) {
        String storeChain = store.genesis().chainId();
        if (!storeChain.equals(d.chainId())) {
            throw new IllegalStateException("directory of chain " + d.chainId() + " cannot follow the store of chain "
                    + storeChain);
        }
        long target = store.height();
        if (d.height() > target) {
            throw new IllegalStateException("directory is at height " + d.height() + ", the store only at " + target
                    + ": the snapshot is from another history; rebuild");
        }
        for (long h = d.height() + 1; h <= target; h++) {
            long height = h;
            Block b = store.block(h).orElseThrow(() -> new IllegalStateException("store of chain " + storeChain
                    + " has no block " + height + " below its height " + target));
            d.apply(b);
        }
        return d;
    }
}
