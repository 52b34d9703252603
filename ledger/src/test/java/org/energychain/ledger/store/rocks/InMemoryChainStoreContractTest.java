package org.energychain.ledger.store.rocks;

import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.InMemoryChainStore;

/** The store contract against the in-memory store (the reference the RocksDB store must match). */
class InMemoryChainStoreContractTest extends ChainStoreContract {
    @Override
    ChainStore open(Genesis genesis) {
        return new InMemoryChainStore(genesis);
    }
}
