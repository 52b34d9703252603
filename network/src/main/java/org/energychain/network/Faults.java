package org.energychain.network;

import java.util.function.UnaryOperator;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.finality.VoteTarget;

/**
 * Fault injection for tests of a misbehaving validator: a leader that tampers with what it proposes, a
 * validator that signs something else than what it executed. Off (the identity) unless a test in this
 * package switches it on; nothing in configuration or the API reaches it.
 */
final class Faults {
    volatile UnaryOperator<Block> proposal = UnaryOperator.identity();
    volatile UnaryOperator<VoteTarget> vote = UnaryOperator.identity();
}
