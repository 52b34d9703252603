package org.energychain.ledger.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.energychain.ledger.tx.Transaction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch admitted on a pool: each sender's in order, senders at the same time, nothing lost or added. */
class BatchAdmissionTest {
    private final ForkJoinPool pool = new ForkJoinPool(2, p -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
        t.setName("batch-admission-test-" + t.getPoolIndex());
        return t;
    }, null, false);

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    static Transaction tx(String sender, long nonce) {
        return new Transaction("trading", sender, nonce, "catalog", "publish", new byte[] {1}, new byte[64]);
    }

    static Submission accepted(Transaction tx) {
        return new Submission(tx.sender() + "/" + tx.nonce(), null, new CompletableFuture<>());
    }

    @Test
    void eachSendersTransactionsAreAdmittedInTheBatchOrderAndAnswersKeepTheirIndex() {
        @Nullable Transaction[] txs = {tx("A", 0), tx("B", 0), tx("A", 1), null, tx("C", 5), tx("A", 2), tx("B", 1)};
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        @Nullable Submission[] out = BatchAdmission.admit(pool, txs, t -> {
            seen.computeIfAbsent(t.sender(), s -> Collections.synchronizedList(new ArrayList<>())).add(t.nonce());
            return accepted(t);
        });
        assertThat(seen).containsOnlyKeys("A", "B", "C");
        assertThat(seen.get("A")).containsExactly(0L, 1L, 2L);
        assertThat(seen.get("B")).containsExactly(0L, 1L);
        assertThat(out).hasSize(txs.length);
        for (int i = 0; i < txs.length; i++) {
            Transaction t = txs[i];
            if (t == null) {
                assertThat(out[i]).as("index %d", i).isNull();
            } else {
                assertThat(out[i]).as("index %d", i).isNotNull();
                assertThat(out[i].txId()).isEqualTo(t.sender() + "/" + t.nonce());
            }
        }
    }

    @Test
    void differentSendersAreAdmittedAtTheSameTimeOnThePool() {
        // each sender's admission waits for the other's: admitted one after the other, neither would return
        CyclicBarrier both = new CyclicBarrier(2);
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        @Nullable Submission[] out = BatchAdmission.admit(pool, new Transaction[] {tx("A", 0), tx("B", 0)}, t -> {
            threads.add(Thread.currentThread().getName());
            try {
                both.await(60, TimeUnit.SECONDS); // a guard against hanging the build, not a deadline
            } catch (Exception e) {
                throw new IllegalStateException("the two senders were not admitted at the same time", e);
            }
            return accepted(t);
        });
        assertThat(out).doesNotContainNull();
        assertThat(threads).hasSize(2).anySatisfy(n -> assertThat(n).startsWith("batch-admission-test-"));
    }

    @Test
    void whatTheAdmissionThrowsReachesTheCaller() {
        @Nullable Transaction[] txs = {tx("A", 0), tx("B", 0), tx("C", 0)};
        assertThatThrownBy(() -> BatchAdmission.admit(pool, txs, t -> {
            if (t.sender().equals("B")) {
                throw new IllegalStateException("store unreadable");
            }
            return accepted(t);
        })).hasMessageContaining("store unreadable");
    }
}
