package org.energychain.supervision.store;

/**
 * A store operation failed. The message names what is wrong (the period, plant, day, reading key or
 * file); {@link #kind()} says what the caller can do about it, so callers need not parse messages.
 * Unchecked: no caller can recover from a broken database mid-way, and an import that throws is
 * rolled back whole.
 */
public class StoreException extends RuntimeException {
    /** What went wrong, as far as a caller can act on it. */
    public enum Kind {
        /** A period, plant or dataset that is not in the store. */
        NOT_FOUND,
        /** Input that violates the store's rules: duplicate keys, inconsistent counts, out-of-range days. */
        INVALID_INPUT,
        /** The database was written by a newer EnergyChain, or is not an EnergyChain store. */
        INCOMPATIBLE_SCHEMA,
        /** The database file is damaged or not a database at all. */
        CORRUPT,
        /** Any other database or I/O failure; retrying may help. */
        DATABASE
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
