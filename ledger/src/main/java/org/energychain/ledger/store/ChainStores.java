package org.energychain.ledger.store;

import java.security.MessageDigest;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.block.Block;

/** Checks every store makes before appending, so no implementation can link a block wrongly. */
public final class ChainStores {
    private ChainStores() {
    }

    public static void checkAppend(ChainStore store, Block block, HashFunction hash) {
        long expected = store.height() + 1;
        if (block.height() != expected) {
            throw new IllegalArgumentException("chain " + store.genesis().chainId() + ": block " + block.height()
                    + " appended at height " + expected);
        }
        if (!block.header().chainId().equals(store.genesis().chainId())) {
            throw new IllegalArgumentException("block of chain " + block.header().chainId() + " appended to "
                    + store.genesis().chainId());
        }
        byte[] prev = expected == 1 ? store.genesis().hash()
                : store.block(expected - 1).orElseThrow().header().hash(hash);
        if (!MessageDigest.isEqual(prev, block.header().previousHash())) {
            throw new IllegalArgumentException("chain " + store.genesis().chainId() + ": block " + block.height()
                    + " does not link to the previous block");
        }
    }
}
