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
     * The finality certificate stored for the block at {@code height} (encoded), if any. Certificates live
     * beside the blocks: they are not part of any block or of the state.
     */
    default java.util.Optional<byte[]> certificate(long height) {
        return java.util.Optional.empty();
    }

    /** The highest height with a stored certificate; 0 if none. */
    default long certifiedHeight() {
        return 0;
    }

    /** Stores (synced) the certificate of the committed block at {@code height}. */
    default void putCertificate(long height, byte[] certificate) {
        throw new UnsupportedOperationException("this store keeps no certificates");
    }

    /**
     * Node-local metadata that is not part of the chain (e.g. what this node's validator signed), synced;
     * empty if absent.
     */
    default java.util.Optional<byte[]> local(String key) {
        return java.util.Optional.empty();
    }

    /** Writes node-local metadata, synced before it returns. */
    default void putLocal(String key, byte[] value) {
        throw new UnsupportedOperationException("this store keeps no node-local metadata");
    }

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
