package org.energychain.ledger.exec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Transactions whose signatures this node verified before validating their block, by id (the hash of the
 * whole signed transaction, so an id stands for exactly the bytes that were verified). Why: a follower can
 * read blocks from its replicated log while it still applies earlier ones; verifying them then, on other
 * threads, takes the bulk of validation off the one thread that applies blocks in order.
 *
 * <p>Bounded: beyond its capacity the oldest ids are forgotten, and validation forgets an id once it used
 * it. Forgetting only costs a verification again. Thread-safe.
 */
public final class VerifiedAhead {
    private final int capacity;
    private final Map<Id, Boolean> ids;

    public VerifiedAhead(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Id, Boolean> eldest) {
                return size() > VerifiedAhead.this.capacity;
            }
        };
    }

    public int capacity() {
        return capacity;
    }

    /** Records that the signature of the transaction with this id verified. */
    public synchronized void add(byte[] id) {
        ids.put(new Id(id.clone()), Boolean.TRUE);
    }

    /** Whether the transaction with this id was verified ahead; it is forgotten either way. */
    public synchronized boolean take(byte[] id) {
        return ids.remove(new Id(id)) != null;
    }

    /** Whether the transaction with this id was verified ahead (it stays known). */
    public synchronized boolean contains(byte[] id) {
        return ids.containsKey(new Id(id));
    }

    /** How many ids are known now. */
    public synchronized int size() {
        return ids.size();
    }

    /** A transaction id as a map key: equal when the bytes are. */
    private record Id(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return org.energychain.crypto.Hex.encode(bytes);
        }
    }
}
