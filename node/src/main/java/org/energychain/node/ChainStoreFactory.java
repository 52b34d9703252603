package org.energychain.node;

import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.InMemoryChainStore;

/**
 * Opens the store of each chain a node runs. The in-memory factory serves tests and the embedded demo;
 * the RocksDB factory (one database per node, column families per chain) plugs in here. A store that
 * already holds blocks must hold the same genesis; the chain refuses another.
 */
public interface ChainStoreFactory extends AutoCloseable {
    /** The store of {@code genesis}'s chain, opened (and created when new). */
    ChainStore forChain(Genesis genesis);

    /** Releases what the factory shares between chains (e.g. the database); chains close their stores. */
    @Override
    default void close() {
    }

    /** Stores in memory: nothing survives the process. */
    static ChainStoreFactory inMemory() {
        return InMemoryChainStore::new;
    }

    /** One RocksDB database in {@code dir} for all the node's chains (column families per chain). */
    static ChainStoreFactory rocksDb(java.nio.file.Path dir) {
        org.energychain.ledger.store.rocks.RocksChainStores db = org.energychain.ledger.store.rocks.RocksChainStores.open(dir);
        return new ChainStoreFactory() {
            @Override
            public ChainStore forChain(Genesis genesis) {
                return db.forChain(genesis);
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    /** The factory a node configuration names: {@code memory} or {@code rocksdb} (under {@code dataDir/chains}). */
    static ChainStoreFactory of(String kind, java.nio.file.Path dataDir) {
        return switch (kind) {
            case "memory" -> inMemory();
            case "rocksdb" -> rocksDb(dataDir.resolve("chains"));
            default -> throw new IllegalArgumentException("unknown chain store '" + kind + "' (memory or rocksdb)");
        };
    }
}
