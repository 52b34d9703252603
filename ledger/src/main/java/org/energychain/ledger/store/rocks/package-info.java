/**
 * The RocksDB chain store of a node: one database per node directory, column families per chain and
 * purpose, each block committed with its indexes, state changes and height in one synced write batch, so
 * a crash never leaves a chain between two blocks and never loses an acknowledged one. Layout, key
 * formats and recovery: docs/ledger-storage.md.
 */
package org.energychain.ledger.store.rocks;
