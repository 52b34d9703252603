package org.energychain.ledger.store;

/** Where a committed transaction is: block height and index in the block. */
public record TxLocation(long height, int index) {
}
