package org.energychain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leader's queue of forwarded batches is bounded: beyond it a batch is admitted on the thread that
 * received it (which slows its sender down), and every permit comes back, whatever became of the batch.
 */
class ForwardedOffloadTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "offload-test-pool"));

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    @Test
    void beyondTheBoundABatchRunsOnTheCallersThreadAndThePermitsComeBack() throws Exception {
        Semaphore queued = new Semaphore(2);
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<String> first = ChainStateMachine.offload(queued, pool, () -> {
            await(held);
            return Thread.currentThread().getName();
        });
        CompletableFuture<String> second = ChainStateMachine.offload(queued, pool,
                () -> Thread.currentThread().getName());
        assertThat(queued.availablePermits()).isZero();

        CompletableFuture<String> third = ChainStateMachine.offload(queued, pool,
                () -> Thread.currentThread().getName());
        assertThat(third).isCompletedWithValue(Thread.currentThread().getName());
        assertThat(first).isNotDone();

        held.countDown();
        assertThat(first.join()).isEqualTo("offload-test-pool");
        assertThat(second.join()).isEqualTo("offload-test-pool");
        pool.submit(() -> { }).get(); // the permits are given back on the pool's thread, after each batch
        assertThat(queued.availablePermits()).isEqualTo(2);
    }

    @Test
    void aBatchThatFailsGivesItsPermitBackAndAClosedPoolRefusesWithoutKeepingOne() throws Exception {
        Semaphore queued = new Semaphore(1);
        CompletableFuture<String> failed = ChainStateMachine.offload(queued, pool, () -> {
            throw new IllegalStateException("store unreadable");
        });
        assertThatThrownBy(failed::join).hasMessageContaining("store unreadable");
        pool.submit(() -> { }).get();
        assertThat(queued.availablePermits()).isEqualTo(1);

        pool.shutdown();
        assertThatThrownBy(() -> ChainStateMachine.offload(queued, pool, () -> "never"))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(queued.availablePermits()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
