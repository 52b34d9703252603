package org.energychain.ledger.order;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The thread of an orderer: it plans, cuts and pauses until woken (a transaction became executable,
 * leadership changed) or its pause ends; a wake between planning and pausing is never lost. The solo and
 * the replicated orderer differ only in {@link #loop}.
 */
public abstract class OrdererLoop implements Orderer {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    /** Set by {@link #wake()}, cleared when the loop pauses. */
    private boolean woken;
    private volatile boolean running;
    private @Nullable Thread thread;

    /** @param name the thread's name */
    protected OrdererLoop(String name) {
        this.name = name;
    }

    /** Plans and cuts until {@link #running()} turns false. */
    protected abstract void loop();

    protected final boolean running() {
        return running;
    }

    @Override
    public final void start() {
        running = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Re-plans now. */
    public final void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code millis}, or until woken. */
    @SuppressWarnings("WaitNotInLoop") // a bounded pause: a spurious wake-up only ends it early, the caller loops
    protected final void pause(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (running && !woken) {
                wake.await(Math.max(1, millis), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #pause}, but an interruption stops the loop instead of being thrown. */
    protected final void pauseQuietly(long millis) {
        try {
            pause(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
