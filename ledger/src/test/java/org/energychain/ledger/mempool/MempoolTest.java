package org.energychain.ledger.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/** A member cannot stall a chain through the mempool: bounded shares, gap limits, expiry, and room for the gap filler. */
class MempoolTest {
    private static final long T0 = 1_000_000;
    /** capacity 100, 20 per sender, 8 gapped per sender, 25 gapped in all, kept 60 s or 10 blocks */
    private final MempoolLimits limits = new MempoolLimits(100, 20, 8, 25, 60_000, 10);
    private final Mempool pool = new Mempool(limits);
    private final Map<String, Long> committed = new HashMap<>();

    private static Mempool.Pending pending(String sender, long nonce, long at) {
        Transaction tx = new Transaction("c", sender, nonce, "kv", "put", new byte[] {(byte) nonce}, new byte[] {1});
        return new Mempool.Pending(tx, sender + "/" + nonce, 100, at);
    }

    private Optional<Rejection> add(String sender, long nonce, long at) {
        return pool.add(pending(sender, nonce, at), committed.getOrDefault(sender, 0L), 0, at);
    }

    private Rejection.Reason reason(String sender, long nonce) {
        return add(sender, nonce, T0).map(Rejection::reason).orElse(null);
    }

    @Test
    void gappedTransactionsOfManyMembersNeverKeepOutTheTransactionThatFillsAGap() {
        // five members park transactions behind a gap (nonce 0 missing) until the pool refuses more
        for (String m : List.of("m1", "m2", "m3", "m4", "m5")) {
            for (long n = 1; n <= 20; n++) {
                add(m, n, T0);
            }
        }
        assertThat(pool.gappedCount()).isEqualTo(limits.gappedTotal());
        assertThat(pool.readyCount()).isZero();
        // an honest sender is not refused, and the parkers' gap fillers are admitted too
        assertThat(reason("honest", 0)).isNull();
        assertThat(reason("m1", 0)).isNull();
        assertThat(pool.readyCount()).isEqualTo(1 + 1 + 8);
        assertThat(pool.ready(1000, 1 << 20)).extracting(p -> p.tx().sender()).contains("honest", "m1");
    }

    @Test
    void aFullPoolMakesRoomForAnExecutableTransactionByEvictingAGappedOne() {
        // fill the pool: 4 senders x 19 executable + 24 gapped (4 per sender, 6 senders)
        for (int s = 0; s < 4; s++) {
            for (long n = 0; n < 19; n++) {
                assertThat(reason("busy" + s, n)).isNull();
            }
        }
        for (int s = 0; s < 6; s++) {
            for (long n = 5; n < 9; n++) {
                assertThat(reason("parker" + s, n)).isNull();
            }
        }
        assertThat(pool.size()).isEqualTo(100);
        assertThat(reason("late", 3)).as("a gapped transaction waits for room").isEqualTo(Rejection.Reason.MEMPOOL_FULL);
        assertThat(pool.drainDropped()).isEmpty();
        assertThat(reason("late", 0)).as("an executable one is admitted").isNull();
        assertThat(pool.size()).isEqualTo(100);
        assertThat(pool.gappedCount()).isEqualTo(23);
        // the evicted one is reported, so whoever waits for it can be told
        assertThat(pool.drainDropped()).extracting(Mempool.Pending::id).singleElement()
                .satisfies(id -> assertThat(id).startsWith("parker").endsWith("/8"));
        assertThat(pool.drainDropped()).isEmpty();
    }

    @Test
    void eachSenderHasABoundedShareAndWindow() {
        for (long n = 0; n < 20; n++) {
            assertThat(reason("a", n)).isNull();
        }
        assertThat(reason("a", 20)).as("its share is full").isEqualTo(Rejection.Reason.NONCE_TOO_FAR);
        assertThat(reason("b", 20)).as("at most perSender nonces ahead").isEqualTo(Rejection.Reason.NONCE_TOO_FAR);
        for (long n = 1; n <= 8; n++) {
            assertThat(reason("b", n)).isNull();
        }
        assertThat(reason("b", 9)).as("at most 8 behind a gap").isEqualTo(Rejection.Reason.NONCE_GAP);
        assertThat(reason("b", 0)).as("the gap filler is admitted").isNull();
        assertThat(pool.gappedCount()).isZero();
        assertThat(pool.readyCount()).isEqualTo(29);
        assertThat(reason("b", 9)).as("no gap any more").isNull();
        committed.put("a", 20L);
        pool.prune(Set.of("a"), s -> committed.getOrDefault(s, 0L), 1, T0);
        assertThat(reason("a", 20)).as("a's share is free again after a block").isNull();
    }

    @Test
    void gappedTransactionsExpireByTimeAndByBlocks() {
        add("a", 5, T0);
        add("b", 5, T0 + 50_000);
        assertThat(pool.gappedCount()).isEqualTo(2);
        assertThat(pool.prune(Set.of(), s -> 0, 1, T0 + 60_000)).extracting(Mempool.Pending::id)
                .containsExactly("a/5");
        assertThat(pool.gappedCount()).as("a waited 60 s").isEqualTo(1);
        assertThat(pool.prune(Set.of(), s -> 0, 10, T0 + 60_001)).extracting(Mempool.Pending::id)
                .containsExactly("b/5");
        assertThat(pool.gappedCount()).as("b waited 10 blocks").isZero();
        assertThat(pool.size()).isZero();
    }

    @Test
    void onlyExecutableTransactionsAgeTowardsABlock() {
        add("a", 3, T0);
        assertThat(pool.oldestReadyMillis()).isEqualTo(-1);
        assertThat(pool.readyCount()).isZero();
        assertThat(pool.ready(10, 1 << 20)).isEmpty();
        add("b", 0, T0 + 100);
        assertThat(pool.oldestReadyMillis()).isEqualTo(T0 + 100);
        add("a", 0, T0 + 200);
        add("a", 1, T0 + 300);
        add("a", 2, T0 + 400);
        assertThat(pool.readyCount()).isEqualTo(5);
        assertThat(pool.oldestReadyMillis()).isEqualTo(T0 + 100);
        // b's transaction is committed: a's run became executable at T0 + 200
        committed.put("b", 1L);
        pool.prune(Set.of("b"), s -> committed.getOrDefault(s, 0L), 1, T0 + 500);
        assertThat(pool.oldestReadyMillis()).isEqualTo(T0 + 200);
        assertThat(pool.ready(10, 1 << 20)).extracting(p -> p.tx().nonce()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void blocksTakeSendersInTurnAndNoncesInOrder() {
        for (long n = 0; n < 3; n++) {
            add("a", n, T0);
            add("b", n, T0 + 1);
        }
        assertThat(pool.ready(4, 1 << 20)).extracting(p -> p.tx().sender() + p.tx().nonce())
                .containsExactly("a0", "b0", "a1", "b1");
        assertThat(pool.ready(10, 250)).as("by bytes").hasSize(2);
    }

    @Test
    void theSendersCommittedNonceIsReadUnderThePoolsLock() {
        // a0 is committed by a block and pruned: the pool forgets the sender
        assertThat(reason("a", 0)).isNull();
        committed.put("a", 1L);
        pool.prune(Set.of("a"), s -> committed.getOrDefault(s, 0L), 1, T0);
        assertThat(pool.size()).isZero();
        // a submitter that read the committed nonce before that block would park a1 behind a gap that is not
        // there (the old way: the value passed in)
        Mempool stale = new Mempool(limits);
        stale.add(pending("a", 1, T0), 0, 1, T0);
        assertThat(stale.gappedCount()).isEqualTo(1);
        assertThat(stale.readyCount()).isZero();
        // the pool reads it itself, under its lock, after the block's prune: a1 is executable
        assertThat(pool.add(pending("a", 1, T0), s -> committed.getOrDefault(s, 0L), 1, T0)).isEmpty();
        assertThat(pool.readyCount()).isEqualTo(1);
        assertThat(pool.gappedCount()).isZero();
    }

    @Test
    void replaysAndDuplicatesAreRefused() {
        committed.put("a", 5L);
        assertThat(reason("a", 4)).isEqualTo(Rejection.Reason.REPLAYED);
        assertThat(reason("a", 5)).isNull();
        assertThat(reason("a", 5)).isEqualTo(Rejection.Reason.DUPLICATE);
        Transaction other = new Transaction("c", "a", 5, "kv", "put", new byte[] {9}, new byte[] {1});
        assertThat(pool.add(new Mempool.Pending(other, "other", 100, T0), 5, 0, T0)).get()
                .extracting(Rejection::reason).isEqualTo(Rejection.Reason.REPLAYED);
    }
}
