package org.energychain.ledger.store;

import java.util.Optional;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.state.StateReader;
import org.energychain.ledger.state.WriteSet;

/**
 * The durable record of one chain: its genesis, its blocks (by height and by hash), where each
 * transaction is, and the current state. {@link #append} commits a block and its state changes
 * atomically and durably: after it returns, a crash loses neither; if it does not return, neither is
 * visible after a restart. Implementations: RocksDB (nodes) and in memory (tests), one contract.
 */
public interface ChainStore extends StateReader, AutoCloseable {
    Genesis genesis();

    /** Height of the last committed block; 0 before the first. */
    long height();

    Optional<Block> block(long height);

    Optional<Block> blockByHash(byte[] hash);

    Optional<TxLocation> locate(byte[] txId);

    /**
     * Commits {@code block} (whose height must be {@link #height()} + 1 and whose previous hash must be
     * the last block's, or the genesis hash) with its state changes and transaction index, atomically
     * and synced to disk.
     */
    void append(Block block, WriteSet writes);

    /**
     * Checks that the store can be read and durably written, after a failure, without changing the chain.
     *
     * @throws StorageException if it cannot
     */
    default void probe() {
        height();
    }

    @Override
    void close();
}
