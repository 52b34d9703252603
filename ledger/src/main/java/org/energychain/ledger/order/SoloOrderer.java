package org.energychain.ledger.order;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.energychain.ledger.Chain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node orders alone: a block is cut as soon as a full block is pending, or when the oldest pending
 * transaction has waited the chain's block interval. One thread per chain; the time source is injected.
 */
public final class SoloOrderer implements Orderer {
    private static final Logger LOG = LoggerFactory.getLogger(SoloOrderer.class);

    private final Chain chain;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pending = lock.newCondition();
    private final long intervalNanos;
    private final int fullBlock;
    private volatile boolean running;
    private Thread thread;

    public SoloOrderer(Chain chain, LongSupplier nanoTime) {
        this.chain = chain;
        this.nanoTime = nanoTime;
        this.intervalNanos = chain.genesis().limits().blockInterval().toNanos();
        this.fullBlock = chain.genesis().limits().maxBlockTxs();
        chain.onPending(this::wake);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "orderer-" + chain.id());
        thread.setDaemon(true);
        thread.start();
    }

    private void wake() {
        if (chain.pending() >= fullBlock) {
            lock.lock();
            try {
                pending.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                long oldest = chain.oldestPendingNanos();
                boolean due = chain.pending() >= fullBlock
                        || (oldest >= 0 && nanoTime.getAsLong() - oldest >= intervalNanos);
                if (due) {
                    chain.cutBlock();
                    continue;
                }
                long waitNanos = oldest >= 0 ? intervalNanos - (nanoTime.getAsLong() - oldest) : intervalNanos;
                lock.lock();
                try {
                    pending.await(Math.max(waitNanos, 100_000), TimeUnit.NANOSECONDS);
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("chain={} orderer failed to cut a block; stopping it", chain.id(), e);
                running = false;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
