package org.energychain.node.api;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.energychain.ledger.store.ChainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of a {@link BlockStream}: a bounded queue of frames and a writer that uses the servlet's
 * non-blocking output, so it never holds a thread while the client is not reading. The stream's thread
 * only appends to the queue ({@link #offer}); the writer runs on the shared writer pool or on Jetty's
 * thread when the connection can take more. While behind the chain's tip the writer reads the next block
 * from the store itself, one at a time, so catching up costs no memory; once caught up it is live and
 * takes blocks from the queue. A live subscriber with more than the backlog limit of blocks waiting is
 * dropped: its connection is aborted and it may reconnect with {@code Last-Event-ID}. The frames queued
 * are the stream's, shared by all subscribers, so a backlog costs references, not copies.
 */
final class EventSubscriber implements WriteListener, AsyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventSubscriber.class);

    /** Bytes to send; a block's counts against the backlog, a comment's does not. */
    private record Frame(byte[] bytes, boolean block) {
    }

    private final BlockStream stream;
    private final HttpServletRequest request;
    private final ServletOutputStream out;
    private final int backlog;
    private final CompletableFuture<Void> done;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean ended;

    /** Guards the queue and the stream position; never held while writing or reading the store. */
    private final Object queueLock = new Object();
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private int queuedBlocks;
    private long next;
    private boolean live;
    /** Dropped for its backlog; ended on a writer thread soon (offers are ignored meanwhile). */
    private boolean dropping;

    /** Held by whoever writes: one writer at a time, as the servlet output requires. */
    private final Object writeLock = new Object();
    private boolean needsFlush;

    EventSubscriber(BlockStream stream, HttpServletRequest request, ServletOutputStream out, long fromHeight,
            int backlog, CompletableFuture<Void> done) {
        this.stream = stream;
        this.request = request;
        this.out = out;
        this.next = fromHeight;
        this.backlog = backlog;
        this.done = done;
    }

    /** Called by the stream's thread for each committed block, in height order. Never blocks. */
    void offer(long height, byte[] frame) {
        boolean drop = false;
        synchronized (queueLock) {
            if (ended || dropping || !live || height < next) {
                return;
            }
            if (height > next) {
                live = false;
            } else if (queuedBlocks >= backlog) {
                drop = true;
                dropping = true;
            } else {
                queue.add(new Frame(frame, true));
                queuedBlocks++;
                next = height + 1;
                stream.queued(queuedBlocks);
            }
        }
        if (drop) {
            stream.dropped();
            LOG.info("chain={} event subscriber {} dropped: more than {} blocks waiting for it",
                    stream.chain().id(), request.getRemoteAddr(), backlog);
            // ended on a writer thread: the stream's thread serves the other subscribers and never waits
            Runnable drop1 = () -> end(new IOException("subscriber fell more than " + backlog + " blocks behind"));
            try {
                stream.writers().execute(drop1);
            } catch (RejectedExecutionException e) {
                drop1.run();
            }
        } else {
            scheduleDrain();
        }
    }

    /** The blocks waiting for this subscriber now. */
    int queuedBlocks() {
        synchronized (queueLock) {
            return queuedBlocks;
        }
    }

    /** Queues a comment if nothing else is waiting (a heartbeat). */
    void offerComment(byte[] comment) {
        synchronized (queueLock) {
            if (ended || !queue.isEmpty()) {
                return;
            }
            queue.add(new Frame(comment, false));
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!ended && drainScheduled.compareAndSet(false, true)) {
            try {
                stream.writers().execute(this::drain);
            } catch (RejectedExecutionException e) {
                drainScheduled.set(false);
            }
        }
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    /** Writes what the connection takes now, then returns; Jetty calls {@link #onWritePossible} for the rest. */
    private void drain() {
        synchronized (writeLock) {
            drainScheduled.set(false);
            try {
                while (!ended && out.isReady()) {
                    byte[] frame = nextFrame();
                    if (frame == null) {
                        if (!needsFlush) {
                            return;
                        }
                        needsFlush = false;
                        out.flush();
                    } else {
                        out.write(frame);
                        needsFlush = true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                end(e);
            }
        }
    }

    /** The next frame to write: queued, or while catching up the next stored block; null when none is due. */
    private byte[] nextFrame() {
        ChainStore store = stream.chain().chain().store();
        while (true) {
            long height;
            synchronized (queueLock) {
                Frame queued = queue.poll();
                if (queued != null) {
                    queuedBlocks -= queued.block ? 1 : 0;
                    return queued.bytes;
                }
                if (live) {
                    return null;
                }
                height = next;
            }
            if (height <= store.height()) {
                byte[] frame = stream.frame(store.block(height).orElseThrow());
                synchronized (queueLock) {
                    next = height + 1;
                }
                return frame;
            }
            synchronized (queueLock) {
                // blocks are stored before they are announced: a block offer() ignored while we were catching
                // up is in the store by now, so look again before going live
                if (next > store.height()) {
                    live = true;
                    return BlockStream.comment("live from height " + next);
                }
            }
        }
    }

    /** Ends the subscription: normally (null) when the node stops, or aborting the connection on a failure. */
    void end(Throwable cause) {
        synchronized (queueLock) {
            if (ended) {
                return;
            }
            ended = true;
            queue.clear();
            queuedBlocks = 0;
        }
        stream.removed(this);
        if (cause != null) {
            // the exchange is aborted and recycled by Jetty; the handler's future is left incomplete on
            // purpose (and is collected with this subscriber): completing it would make Javalin finish a
            // response that no longer exists, which it retries without end
            try {
                ServletContextRequest.getServletContextRequest(request).getServletChannel().abort(cause);
            } catch (RuntimeException e) {
                LOG.debug("could not abort an event stream: {}", e.toString());
            }
            return;
        }
        done.complete(null);
    }

    @Override
    public void onError(Throwable t) {
        end(t);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end(new IOException("event stream completed"));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end(new IOException("event stream timed out"));
    }

    @Override
    public void onError(AsyncEvent event) {
        end(event.getThrowable() != null ? event.getThrowable() : new IOException("event stream failed"));
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
