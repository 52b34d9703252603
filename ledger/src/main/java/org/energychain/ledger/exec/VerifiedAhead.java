package org.energychain.ledger.exec;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Transactions whose signatures this node verified before validating their block, and whether each held, by
 * id (the hash of the whole signed transaction, so an id stands for exactly the bytes that were verified).
 * Why: a follower can read blocks from its replicated log while it still applies earlier ones; verifying them
 * then, on other threads, takes the bulk of validation off the one thread that applies blocks in order. A
 * signature that failed is remembered too, so that a faulty leader's forged transactions are not verified
 * twice by the bulk pass.
 *
 * <p>Bounded: beyond its capacity the oldest ids are forgotten, and validation forgets an id once it used
 * it. Forgetting only costs a verification again. Thread-safe.
 */
public final class VerifiedAhead {
    private final int capacity;
    /** By id, wrapped: a buffer is equal to another with the same bytes. */
    private final Map<ByteBuffer, Boolean> ids;

    public VerifiedAhead(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > VerifiedAhead.this.capacity;
            }
        };
    }

    public int capacity() {
        return capacity;
    }

    /** Records whether the signature of the transaction with this id held. */
    public synchronized void add(byte[] id, boolean held) {
        ids.put(ByteBuffer.wrap(id.clone()), held);
    }

    /** Whether the signature of the transaction with this id held, if it was verified ahead; then forgotten. */
    public synchronized @Nullable Boolean take(byte[] id) {
        return ids.remove(ByteBuffer.wrap(id));
    }

    /** Whether the transaction with this id was verified ahead (it stays known). */
    public synchronized boolean contains(byte[] id) {
        return ids.containsKey(ByteBuffer.wrap(id));
    }

    /** How many ids are known now. */
    public synchronized int size() {
        return ids.size();
    }
}
