package org.energychain.ledger.mempool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.tx.Transaction;

/**
 * Admitted transactions waiting for a block, per sender by nonce. A sender's transactions whose nonces
 * run on without a gap from its next committed nonce are <em>executable</em>; the others are
 * <em>gapped</em> and can only run once the gap is filled.
 *
 * <p>Why the limits: a member must not be able to stall a chain by filling the pool with transactions
 * that can never run. So each sender queues nonces at most {@link MempoolLimits#perSender()} ahead of its
 * next one (which bounds its share of the pool), at most {@link MempoolLimits#gappedPerSender()} of them
 * gapped;
 * the gapped transactions of all senders together hold at most a quarter of the pool; a gapped
 * transaction is dropped after {@link MempoolLimits#gappedTtlMillis()} or
 * {@link MempoolLimits#gappedTtlBlocks()} blocks; and a transaction that makes its sender's queue
 * executable is always admitted, evicting a gapped one when the pool is full.
 *
 * <p>The orderer asks for {@link #oldestReadyMillis()} and {@link #readyCount()} without scanning the
 * pool: the senders with executable transactions are indexed by the time their first one became
 * executable. Block building ({@link #ready}) takes senders in that order, one transaction each per
 * pass, so a busy sender cannot starve the others. Thread-safe.
 */
public final class Mempool {
    private final MempoolLimits limits;
    private final Map<String, SenderQueue> bySender = new HashMap<>();
    private final Map<String, Pending> byId = new HashMap<>();
    /** Senders with at least one executable transaction, by when their first executable one became so. */
    private final TreeSet<SenderQueue> readyOrder = new TreeSet<>(
            Comparator.comparingLong((SenderQueue q) -> q.readySince).thenComparing(q -> q.sender));
    private int size;
    private int gapped;
    private int executable;

    /** A transaction with its id (hex) and encoded size, as admitted at {@code admittedMillis} (chain clock). */
    public record Pending(Transaction tx, String id, int size, long admittedMillis) {
    }

    /** What was dropped and not yet handed to {@link #drainDropped}; bounded by the pool's capacity per call. */
    private final List<Pending> dropped = new ArrayList<>();

    /** The pending transactions of one sender and where their executable run ends. */
    private static final class SenderQueue {
        final String sender;
        final TreeMap<Long, Pending> txs = new TreeMap<>();
        /** The sender's next nonce in committed state. */
        long next;
        /** The first nonce at or after {@link #next} that is not pending: [next, runEnd) is executable. */
        long runEnd;
        /** When the first executable transaction became executable (chain clock, ms). */
        long readySince;
        /** Chain height when each gapped transaction was admitted, for block-count expiry. */
        final Map<Long, Long> gappedAtHeight = new HashMap<>();

        SenderQueue(String sender, long next) {
            this.sender = sender;
            this.next = next;
            this.runEnd = next;
        }

        int executableCount() {
            return (int) (runEnd - next);
        }

        int gappedCount() {
            return txs.size() - executableCount();
        }
    }

    public Mempool(MempoolLimits limits) {
        this.limits = limits;
    }

    public MempoolLimits limits() {
        return limits;
    }

    /**
     * Adds an admitted transaction. {@code committedNext} is the sender's next nonce in committed state,
     * {@code height} the chain's height and {@code nowMillis} the chain clock, for expiry.
     */
    public synchronized Optional<Rejection> add(Pending p, long committedNext, long height, long nowMillis) {
        return add(p, s -> committedNext, height, nowMillis);
    }

    /**
     * Adds an admitted transaction, reading the sender's next committed nonce under the pool's lock: a
     * block committed between the caller's read and this call cannot leave the transaction behind a gap
     * that does not exist (the pool prunes under the same lock after the committed nonces move).
     */
    public synchronized Optional<Rejection> add(Pending p, ToLongFunction<String> committedNextOf, long height,
            long nowMillis) {
        Transaction tx = p.tx();
        long committedNext = committedNextOf.applyAsLong(tx.sender());
        long nonce = tx.nonce();
        if (nonce < committedNext) {
            return reject(Rejection.Reason.REPLAYED, "nonce " + nonce + " of " + tx.sender()
                    + " is already used (next is " + committedNext + "): a replay");
        }
        if (byId.containsKey(p.id())) {
            return reject(Rejection.Reason.DUPLICATE, "transaction " + p.id() + " is already pending");
        }
        SenderQueue q = bySender.get(tx.sender());
        if (q == null) {
            q = new SenderQueue(tx.sender(), committedNext);
        } else if (q.next != committedNext) {
            advance(q, committedNext);
        }
        if (nonce >= q.next + limits.perSender()) {
            dropIfEmpty(q);
            return reject(Rejection.Reason.NONCE_TOO_FAR, "nonce " + nonce + " of " + tx.sender()
                    + " is too far ahead of the next expected " + q.next + " (a sender may queue at most "
                    + limits.perSender() + " nonces ahead)");
        }
        if (q.txs.containsKey(nonce)) {
            dropIfEmpty(q);
            return reject(Rejection.Reason.REPLAYED, "nonce " + nonce + " of " + tx.sender()
                    + " is already pending in another transaction");
        }
        boolean makesExecutable = nonce == q.runEnd;
        if (!makesExecutable) {
            expireGapped(height, nowMillis);
            if (q.gappedCount() >= limits.gappedPerSender()) {
                dropIfEmpty(q);
                return reject(Rejection.Reason.NONCE_GAP, "nonce " + nonce + " of " + tx.sender() + " leaves a gap after "
                        + (q.runEnd - 1) + ", and the sender already has " + q.gappedCount()
                        + " transactions waiting behind a gap (the most a sender may have); send nonce " + q.runEnd
                        + " first");
            }
            if (gapped >= limits.gappedTotal()) {
                dropIfEmpty(q);
                return reject(Rejection.Reason.MEMPOOL_FULL, "the pool holds " + gapped + " transactions waiting behind"
                        + " nonce gaps, the most it keeps; send nonce " + q.runEnd + " of " + tx.sender() + " first");
            }
            if (size >= limits.capacity()) {
                dropIfEmpty(q);
                return reject(Rejection.Reason.MEMPOOL_FULL, "mempool is full (" + limits.capacity()
                        + " transactions); retry later");
            }
        } else if (size >= limits.capacity() && !evictAnyGapped(q)) {
            // the transaction its sender's queue waits for is admitted whenever a gapped one can make room
            dropIfEmpty(q);
            return reject(Rejection.Reason.MEMPOOL_FULL, "mempool is full (" + limits.capacity()
                    + " transactions, all executable); retry after the next block");
        }
        bySender.putIfAbsent(tx.sender(), q);
        q.txs.put(nonce, p);
        byId.put(p.id(), p);
        size++;
        if (makesExecutable) {
            extendRun(q, nowMillis);
        } else {
            q.gappedAtHeight.put(nonce, height);
            gapped++;
        }
        return Optional.empty();
    }

    /** After {@code q.runEnd} was filled: the run grows over every nonce now contiguous. */
    private void extendRun(SenderQueue q, long nowMillis) {
        boolean wasReady = q.executableCount() > 0;
        if (wasReady) {
            readyOrder.remove(q);
        }
        while (q.txs.containsKey(q.runEnd)) {
            if (q.gappedAtHeight.remove(q.runEnd) != null) {
                gapped--;
            }
            q.runEnd++;
            executable++;
        }
        if (!wasReady) {
            q.readySince = nowMillis;
        }
        readyOrder.add(q);
    }

    /** The sender's committed next nonce moved to {@code committedNext}: drop what it consumed. */
    private void advance(SenderQueue q, long committedNext) {
        if (committedNext <= q.next) {
            return;
        }
        boolean wasReady = q.executableCount() > 0;
        if (wasReady) {
            readyOrder.remove(q);
        }
        var consumed = q.txs.headMap(committedNext, false);
        for (Pending p : consumed.values()) {
            dropped.add(p);
            byId.remove(p.id());
            size--;
            long n = p.tx().nonce();
            if (n < q.runEnd) {
                executable--;
            } else if (q.gappedAtHeight.remove(n) != null) {
                gapped--;
            }
        }
        consumed.clear();
        q.next = committedNext;
        if (q.runEnd < committedNext) {
            q.runEnd = committedNext;
        }
        while (q.txs.containsKey(q.runEnd)) {
            if (q.gappedAtHeight.remove(q.runEnd) != null) {
                gapped--;
            }
            q.runEnd++;
            executable++;
        }
        if (q.executableCount() > 0) {
            // what remains has waited since it was admitted (or since it became executable before)
            if (!wasReady) {
                q.readySince = q.txs.firstEntry().getValue().admittedMillis();
            }
            readyOrder.add(q);
        }
    }

    /** Evicts the highest gapped nonce of the sender with the most gapped transactions (not {@code keep}'s run). */
    private boolean evictAnyGapped(SenderQueue keep) {
        if (gapped == 0) {
            return false;
        }
        SenderQueue worst = null;
        for (SenderQueue q : bySender.values()) {
            if (q.gappedCount() > 0 && (worst == null || q.gappedCount() > worst.gappedCount())) {
                worst = q;
            }
        }
        if (worst == null) {
            return false;
        }
        dropped.add(remove(worst, worst.txs.lastKey()));
        if (worst != keep) {
            dropIfEmpty(worst);
        }
        return true;
    }

    /** Removes a gapped transaction. */
    private Pending remove(SenderQueue q, long nonce) {
        Pending p = q.txs.remove(nonce);
        byId.remove(p.id());
        size--;
        q.gappedAtHeight.remove(nonce);
        gapped--;
        return p;
    }

    private void dropIfEmpty(SenderQueue q) {
        if (q.txs.isEmpty()) {
            bySender.remove(q.sender, q);
        }
    }

    /** Drops gapped transactions older than the limits allow. */
    private void expireGapped(long height, long nowMillis) {
        if (gapped == 0) {
            return;
        }
        Iterator<SenderQueue> it = bySender.values().iterator();
        while (it.hasNext()) {
            SenderQueue q = it.next();
            if (q.gappedCount() == 0) {
                continue;
            }
            List<Long> expired = new ArrayList<>();
            for (Map.Entry<Long, Pending> e : q.txs.tailMap(q.runEnd, true).entrySet()) {
                long at = q.gappedAtHeight.getOrDefault(e.getKey(), height);
                if (nowMillis - e.getValue().admittedMillis() >= limits.gappedTtlMillis()
                        || height - at >= limits.gappedTtlBlocks()) {
                    expired.add(e.getKey());
                }
            }
            expired.forEach(n -> dropped.add(remove(q, n)));
            if (q.txs.isEmpty()) {
                it.remove();
            }
        }
    }

    /**
     * Up to {@code maxTxs} transactions (and {@code maxBytes}) that can run now: senders in the order their
     * transactions became executable, one transaction each per pass, each sender's in nonce order.
     */
    public synchronized List<Pending> ready(int maxTxs, int maxBytes) {
        List<Pending> out = new ArrayList<>(Math.min(maxTxs, executable));
        int bytes = 0;
        List<SenderQueue> senders = new ArrayList<>(readyOrder);
        long[] cursor = new long[senders.size()];
        for (int i = 0; i < cursor.length; i++) {
            cursor[i] = senders.get(i).next;
        }
        boolean progress = true;
        while (progress && out.size() < maxTxs) {
            progress = false;
            for (int i = 0; i < cursor.length && out.size() < maxTxs; i++) {
                SenderQueue q = senders.get(i);
                if (cursor[i] >= q.runEnd) {
                    continue;
                }
                Pending p = q.txs.get(cursor[i]);
                if (bytes + p.size() > maxBytes) {
                    continue;
                }
                out.add(p);
                bytes += p.size();
                cursor[i]++;
                progress = true;
            }
        }
        return out;
    }

    /**
     * After a block: drops what is committed, moves every sender's run to its committed next nonce, and
     * expires gapped transactions that waited too long.
     *
     * @return every transaction dropped: those the block committed, those whose nonce another transaction
     *     of the same sender used, and the expired ones (the caller settles whoever waits for them)
     */
    public synchronized List<Pending> prune(Iterable<String> senders, ToLongFunction<String> committedNext,
            long height, long nowMillis) {
        for (String s : senders) {
            SenderQueue q = bySender.get(s);
            if (q != null) {
                advance(q, committedNext.applyAsLong(s));
                dropIfEmpty(q);
            }
        }
        expireGapped(height, nowMillis);
        return drainDropped();
    }

    /**
     * The transactions dropped since the last call, by {@link #prune} or by an {@link #add} that found a
     * sender's nonces moved, gapped ones expired or evicted one for an executable one: committed, superseded
     * by another transaction's use of their nonce, expired or evicted.
     */
    public synchronized List<Pending> drainDropped() {
        if (dropped.isEmpty()) {
            return List.of();
        }
        List<Pending> out = new ArrayList<>(dropped);
        dropped.clear();
        return out;
    }

    /** Up to {@code max} pending transactions admitted at or before {@code cutoffMillis}, oldest senders first. */
    public synchronized List<Pending> admittedBefore(long cutoffMillis, int max) {
        List<Pending> out = new ArrayList<>();
        for (SenderQueue q : bySender.values()) {
            for (Pending p : q.txs.values()) {
                if (out.size() >= max) {
                    return out;
                }
                if (p.admittedMillis() <= cutoffMillis) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The senders with pending transactions. */
    public synchronized List<String> senders() {
        return new ArrayList<>(bySender.keySet());
    }

    /** Whether the transaction with this id (hex) is pending. */
    public synchronized boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Drops every pending transaction (their senders must resubmit), e.g. when the chain changes under it. */
    public synchronized List<Pending> clear() {
        List<Pending> all = new ArrayList<>(byId.values());
        bySender.clear();
        byId.clear();
        readyOrder.clear();
        size = 0;
        gapped = 0;
        executable = 0;
        return all;
    }

    public synchronized int size() {
        return size;
    }

    /** Transactions that can run now. */
    public synchronized int readyCount() {
        return executable;
    }

    /** Transactions waiting behind a nonce gap. */
    public synchronized int gappedCount() {
        return gapped;
    }

    /** When the longest-waiting executable transaction became executable (chain clock, ms), or -1. */
    public synchronized long oldestReadyMillis() {
        return readyOrder.isEmpty() ? -1 : readyOrder.first().readySince;
    }

    private static Optional<Rejection> reject(Rejection.Reason reason, String message) {
        return Optional.of(new Rejection(reason, message));
    }
}
