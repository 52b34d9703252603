/**
 * The durable record of a chain (genesis, blocks, transaction locations, state) behind the ChainStore
 * interface, with an in-memory store for tests and simulations; the RocksDB store is in the rocks
 * package. See docs/ledger-storage.md.
 */
package org.energychain.ledger.store;
