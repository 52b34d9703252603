package org.energychain.ledger.mempool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.tx.Transaction;

/**
 * Admitted transactions waiting for a block: per sender by nonce, senders in arrival order so a busy
 * sender cannot starve the others. Refuses replays (a nonce already committed), duplicates, nonces too
 * far ahead and anything beyond its capacity. Thread-safe.
 */
public final class Mempool {
    /** How far beyond the next expected nonce a sender may queue. */
    public static final long MAX_NONCE_AHEAD = 10_000;

    private final int capacity;
    private final Map<String, TreeMap<Long, Pending>> bySender = new LinkedHashMap<>();
    private final Set<String> ids = new HashSet<>();
    private int size;

    /** A transaction with its id (hex) and encoded size, as admitted. */
    public record Pending(Transaction tx, String id, int size, long admittedNanos) {
    }

    public Mempool(int capacity) {
        this.capacity = capacity;
    }

    /** Adds an admitted transaction; {@code committedNext} is the sender's next nonce in committed state. */
    public synchronized Optional<Rejection> add(Pending p, long committedNext) {
        Transaction tx = p.tx();
        if (tx.nonce() < committedNext) {
            return Optional.of(new Rejection(Rejection.Reason.REPLAYED, "nonce " + tx.nonce() + " of " + tx.sender()
                    + " is already used (next is " + committedNext + "): a replay"));
        }
        if (tx.nonce() > committedNext + MAX_NONCE_AHEAD) {
            return Optional.of(new Rejection(Rejection.Reason.NONCE_TOO_FAR, "nonce " + tx.nonce() + " of " + tx.sender()
                    + " is too far ahead of the next expected " + committedNext));
        }
        if (ids.contains(p.id())) {
            return Optional.of(new Rejection(Rejection.Reason.DUPLICATE, "transaction " + p.id() + " is already pending"));
        }
        TreeMap<Long, Pending> queue = bySender.computeIfAbsent(tx.sender(), s -> new TreeMap<>());
        if (queue.containsKey(tx.nonce())) {
            return Optional.of(new Rejection(Rejection.Reason.REPLAYED, "nonce " + tx.nonce() + " of " + tx.sender()
                    + " is already pending in another transaction"));
        }
        if (size >= capacity) {
            if (queue.isEmpty()) {
                bySender.remove(tx.sender());
            }
            return Optional.of(new Rejection(Rejection.Reason.MEMPOOL_FULL, "mempool is full (" + capacity
                    + " transactions); retry later"));
        }
        queue.put(tx.nonce(), p);
        ids.add(p.id());
        size++;
        return Optional.empty();
    }

    /**
     * Up to {@code maxTxs} transactions (and {@code maxBytes}) that can run now: for each sender in turn,
     * its pending nonces contiguous from the committed next one.
     */
    public synchronized List<Pending> ready(int maxTxs, int maxBytes, ToLongFunction<String> committedNext) {
        List<Pending> out = new ArrayList<>();
        int bytes = 0;
        Map<String, Long> cursor = new LinkedHashMap<>();
        boolean progress = true;
        while (progress && out.size() < maxTxs) {
            progress = false;
            for (Map.Entry<String, TreeMap<Long, Pending>> e : bySender.entrySet()) {
                if (out.size() >= maxTxs) {
                    break;
                }
                long next = cursor.computeIfAbsent(e.getKey(), committedNext::applyAsLong);
                Pending p = e.getValue().get(next);
                if (p == null || bytes + p.size() > maxBytes) {
                    continue;
                }
                out.add(p);
                bytes += p.size();
                cursor.put(e.getKey(), next + 1);
                progress = true;
            }
        }
        return out;
    }

    /** Drops what is committed or can never run (nonces below each sender's committed next). */
    public synchronized void prune(ToLongFunction<String> committedNext) {
        Iterator<Map.Entry<String, TreeMap<Long, Pending>>> it = bySender.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, TreeMap<Long, Pending>> e = it.next();
            long next = committedNext.applyAsLong(e.getKey());
            var stale = e.getValue().headMap(next, false);
            for (Pending p : stale.values()) {
                ids.remove(p.id());
                size--;
            }
            stale.clear();
            if (e.getValue().isEmpty()) {
                it.remove();
            }
        }
    }

    public synchronized int size() {
        return size;
    }

    /** Admission time of the oldest pending transaction, or -1. */
    public synchronized long oldestNanos() {
        long oldest = -1;
        for (TreeMap<Long, Pending> q : bySender.values()) {
            for (Pending p : q.values()) {
                if (oldest < 0 || p.admittedNanos() < oldest) {
                    oldest = p.admittedNanos();
                }
            }
        }
        return oldest;
    }
}
