package org.energychain.ledger.exec;

import org.energychain.ledger.block.Block;
import org.energychain.ledger.state.WriteSet;

/** A block as built by the executor, with the state changes to commit with it. */
public record ExecutedBlock(Block block, WriteSet writes) {
}
