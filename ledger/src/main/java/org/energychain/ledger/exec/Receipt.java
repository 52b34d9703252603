package org.energychain.ledger.exec;

import org.energychain.ledger.tx.TxResult;

/** A committed transaction's place and result. */
public record Receipt(String txId, long height, int index, TxResult result) {
}
