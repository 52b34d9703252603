package org.energychain.ledger.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Function;
import org.energychain.ledger.tx.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * Admits a batch of transactions on a pool: each sender's in the batch's order, different senders in
 * parallel. Why: signature verification is the bulk of admission, and one thread admitting a batch of 200
 * serially keeps its sender (a client, or a follower handing its transactions to the leader) waiting while
 * the other cores idle; a sender's own transactions stay in order because the mempool takes a sender's
 * nonces one after the other.
 */
public final class BatchAdmission {
    private BatchAdmission() {
    }

    /** A pool to admit batches on: one daemon thread per core, named {@code prefix-<index>}. */
    public static ForkJoinPool newPool(String prefix) {
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName(prefix + "-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    /**
     * Admits {@code txs[i]} with {@code admit} for every non-null entry, on {@code pool}; returns the
     * submissions by index (null where {@code txs[i]} is null). An exception thrown by {@code admit} is thrown
     * here, once every started admission has ended.
     */
    public static @Nullable Submission[] admit(ForkJoinPool pool, @Nullable Transaction[] txs,
            Function<Transaction, Submission> admit) {
        Map<String, List<Integer>> bySender = new LinkedHashMap<>();
        for (int i = 0; i < txs.length; i++) {
            Transaction tx = txs[i];
            if (tx != null) {
                bySender.computeIfAbsent(tx.sender(), s -> new ArrayList<>()).add(i);
            }
        }
        @Nullable Submission[] out = new Submission[txs.length];
        List<List<Integer>> groups = new ArrayList<>(bySender.values());
        if (groups.size() <= 1) {
            groups.forEach(g -> admitInOrder(g, txs, admit, out)); // one sender: nothing to spread
        } else {
            pool.submit(() -> groups.parallelStream().forEach(g -> admitInOrder(g, txs, admit, out))).join();
        }
        return out;
    }

    private static void admitInOrder(List<Integer> indexes, @Nullable Transaction[] txs,
            Function<Transaction, Submission> admit, @Nullable Submission[] out) {
        for (int i : indexes) {
            Transaction tx = txs[i];
            if (tx != null) {
                out[i] = admit.apply(tx);
            }
        }
    }
}
