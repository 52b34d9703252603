package org.energychain.crypto;

/**
 * A reusable, single-threaded hashing context. Hot paths (Merkle trees, ingest) keep one per thread
 * instead of allocating a digest per call.
 */
public interface Digester {
    void update(byte b);

    void update(byte[] input, int offset, int length);

    default void update(byte[] input) {
        update(input, 0, input.length);
    }

    /** Finishes the hash, writes {@link #length()} bytes at {@code offset} and resets the context. */
    void doFinal(byte[] out, int offset);

    /** Finishes the hash into a new array and resets the context. */
    default byte[] doFinal() {
        byte[] out = new byte[length()];
        doFinal(out, 0);
        return out;
    }

    int length();

    void reset();
}
