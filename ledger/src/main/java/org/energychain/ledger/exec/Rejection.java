package org.energychain.ledger.exec;

/**
 * Why a transaction was refused before reaching a block; the reason says what to fix. Not an exception
 * on the hot path: bad input from clients is expected.
 */
public record Rejection(Reason reason, String message) {
    public enum Reason {
        MALFORMED, OVERSIZED, WRONG_CHAIN, UNKNOWN_SENDER, BAD_SIGNATURE, REPLAYED, DUPLICATE, UNKNOWN_CONTRACT,
        UNKNOWN_METHOD, UNAUTHORISED, MEMPOOL_FULL, NONCE_TOO_FAR,
        /** the sender already has as many transactions waiting behind a nonce gap as it may */
        NONCE_GAP,
        /** the chain cannot take transactions now (its storage failed; see the chain's health) */
        UNAVAILABLE
    }
}
