package org.energychain.ledger.exec;

/**
 * A block another node proposed fails validation; the message names the block and what is wrong. Bad
 * input from a peer is expected: the block is refused and nothing of it is applied.
 */
public final class InvalidBlockException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidBlockException(String message) {
        super(message);
    }
}
