package org.energychain.ledger.genesis;

/** A member that orders blocks, with its voting power (the weighted BFT orderer uses the power later). */
public record Validator(String memberId, long power) {
    public Validator {
        if (power <= 0) {
            throw new IllegalArgumentException("validator " + memberId + ": voting power must be positive, got " + power);
        }
    }
}
