package org.energychain.crypto;

/**
 * A named cryptographic hash of a crypto suite. Every hashed object names its suite, so the hash can
 * change later without ambiguity; implementations are stateless and thread-safe, their
 * {@link Digester}s are not.
 */
public interface HashFunction {
    /** Canonical name as written into hashed objects, e.g. {@code SHA-256} or {@code SM3}. */
    String name();

    /** Digest length in bytes (32 for both suites we ship). */
    int digestLength();

    /** A fresh reusable context; cheap, but callers on hot paths should keep and reuse it. */
    Digester newDigester();

    default byte[] hash(byte[] data) {
        Digester d = newDigester();
        d.update(data, 0, data.length);
        return d.doFinal();
    }
}
