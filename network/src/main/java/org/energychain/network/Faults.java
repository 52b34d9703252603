package org.energychain.network;

import java.util.function.UnaryOperator;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.finality.VoteTarget;

/**
 * Fault injection for tests of a misbehaving validator: a leader that tampers with what it proposes, a
 * validator that signs something else than what it executed. Off (the identity) unless a test switches
 * it on: in-process tests of this package directly, process tests through the environment variable
 * {@value #ENV} (never read from configuration or the API; a node that sees it says so at ERROR level).
 */
final class Faults {
    /** Test-only: {@code vote-wrong-state-root} makes this node's validator sign a state root it did not compute. */
    static final String ENV = "ENERGYCHAIN_TEST_FAULTS";

    volatile UnaryOperator<Block> proposal = UnaryOperator.identity();
    volatile UnaryOperator<VoteTarget> vote = UnaryOperator.identity();
    /** In-process tests only: while set, this validator's votes wait unsent (a vote caught by an outage). */
    volatile boolean holdVotes;
    /** In-process tests only: while set, this node applies no log entry (a node that has fallen behind). */
    volatile boolean holdApply;

    /** Applies the faults named by {@value #ENV}, if any; returns what it switched on. */
    String fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        for (String f : value.split(",")) {
            switch (f.trim()) {
                case "vote-wrong-state-root" -> vote = t -> {
                    byte[] root = t.stateRoot();
                    root[0] ^= 1;
                    return new VoteTarget(t.chainId(), t.height(), t.blockHash(), t.resultsRoot(), root);
                };
                default -> throw new IllegalArgumentException(ENV + ": unknown fault '" + f.trim()
                        + "' (known: vote-wrong-state-root)");
            }
        }
        return value;
    }
}
