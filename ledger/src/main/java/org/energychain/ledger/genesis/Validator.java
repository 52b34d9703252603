package org.energychain.ledger.genesis;

/**
 * A node that orders and certifies blocks, with its voting power: a block is final when validators
 * holding more than two thirds of the power have signed what executing it gave.
 */
public record Validator(String nodeId, long power) {
    public Validator {
        if (power <= 0) {
            throw new IllegalArgumentException("validator " + nodeId + ": voting power must be positive, got " + power);
        }
    }
}
