package org.energychain.ledger.genesis;

/**
 * A node that orders and certifies blocks, with its voting power: a block is final when validators
 * holding more than two thirds of the power have signed what executing it gave.
 */
public record Validator(String nodeId, long power) {
    /** The most power one validator may hold: a roster's total (at most a thousand nodes) never overflows. */
    public static final long MAX_POWER = 1_000_000_000_000L;

    public Validator {
        if (power <= 0 || power > MAX_POWER) {
            throw new IllegalArgumentException("validator " + nodeId + ": voting power must be from 1 to " + MAX_POWER
                    + ", got " + power);
        }
    }
}
