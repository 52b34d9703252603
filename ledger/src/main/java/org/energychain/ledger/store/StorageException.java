package org.energychain.ledger.store;

/**
 * The chain's storage failed to read or write (an I/O error, a damaged file, a full disk), or holds data
 * that does not decode. Never a property of a transaction: a chain that meets one stops executing and
 * reports it, so that a local fault can never be recorded in a signed block as a transaction's result.
 */
public class StorageException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
