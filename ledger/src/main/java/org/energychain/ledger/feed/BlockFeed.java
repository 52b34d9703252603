package org.energychain.ledger.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.store.ChainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a chain's committed blocks to its followers (the catalogue index, event streams, metrics), each on
 * a thread of its own that reads the blocks from the store in height order. Why: a follower must never
 * run under the chain's lock nor hold up block commits or other followers; a slow one only falls behind,
 * and it can never miss a block, since it reads what the store holds rather than what was pushed to it.
 */
public final class BlockFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockFeed.class);

    private final ChainStore store;
    private final String chainId;
    private final Object advanced = new Object();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public BlockFeed(ChainStore store) {
        this.store = store;
        this.chainId = store.genesis().chainId();
    }

    /** Wakes the followers: the store holds a new block. */
    public void published() {
        synchronized (advanced) {
            advanced.notifyAll();
        }
    }

    /**
     * Starts a follower that receives every block after {@code afterHeight}, in order, on its own daemon
     * thread named {@code name}. A listener that throws is logged and given the next block.
     */
    public Subscription follow(String name, long afterHeight, Consumer<Block> listener) {
        if (closed) {
            throw new IllegalStateException("the block feed of chain " + chainId + " is closed");
        }
        Subscription s = new Subscription(name, afterHeight, listener);
        subscriptions.add(s);
        s.thread.start();
        return s;
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(Subscription::close);
    }

    /** One follower: its thread and how far it got. */
    public final class Subscription implements AutoCloseable {
        private final Consumer<Block> listener;
        private final Thread thread;
        private volatile long delivered;
        private volatile boolean stopped;

        private Subscription(String name, long afterHeight, Consumer<Block> listener) {
            this.listener = listener;
            this.delivered = afterHeight;
            this.thread = new Thread(this::run, "feed-" + chainId + "-" + name);
            thread.setDaemon(true);
        }

        /** The height of the last block handed to the listener. */
        public long delivered() {
            return delivered;
        }

        /**
         * Waits until the listener has been given block {@code height}, at most {@code timeoutMillis};
         * returns whether it has.
         */
        public boolean awaitDelivered(long height, long timeoutMillis) throws InterruptedException {
            long end = System.nanoTime() + timeoutMillis * 1_000_000;
            synchronized (advanced) {
                while (delivered < height && !stopped) {
                    long left = (end - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return false;
                    }
                    advanced.wait(left);
                }
            }
            return delivered >= height;
        }

        private void run() {
            while (!stopped) {
                try {
                    long top = store.height();
                    while (!stopped && delivered < top) {
                        long next = delivered + 1;
                        Block b = store.block(next).orElseThrow(() -> new IllegalStateException("chain " + chainId
                                + ": block " + next + " is missing below the height " + top));
                        try {
                            listener.accept(b);
                        } catch (RuntimeException e) {
                            LOG.error("chain={} height={} follower {} failed on the block; going on", chainId, next,
                                    thread.getName(), e);
                        }
                        delivered = next;
                        synchronized (advanced) {
                            advanced.notifyAll();
                        }
                    }
                    synchronized (advanced) {
                        if (!stopped && store.height() == delivered) {
                            advanced.wait(1_000);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (stopped || closed) {
                        return;
                    }
                    LOG.error("chain={} follower {} cannot read block {}; retrying in a second", chainId,
                            thread.getName(), delivered + 1, e);
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() {
            stopped = true;
            thread.interrupt();
            subscriptions.remove(this);
            synchronized (advanced) {
                advanced.notifyAll();
            }
        }
    }
}
