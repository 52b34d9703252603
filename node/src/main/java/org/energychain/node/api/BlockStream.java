package org.energychain.node.api;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.block.Block;
import org.energychain.node.HostedChain;
import org.jspecify.annotations.Nullable;

/**
 * Server-sent events of one chain's committed blocks. A block is rendered once, on this stream's own
 * thread (so the chain's orderer never waits for a client), and offered to every subscriber, each of
 * which has its own bounded queue and its own non-blocking writer ({@link EventSubscriber}): a subscriber
 * that does not keep up is dropped when more than {@code event-backlog} blocks wait for it, and no other
 * subscriber ever waits for it. A subscriber may start from an earlier height ({@code ?from=H} or
 * {@code Last-Event-ID}); it is caught up from the store first, one block at a time as its connection
 * takes them, then receives each new block once, in height order.
 */
public final class BlockStream implements AutoCloseable {
    private final HostedChain chain;
    private final HashFunction hash;
    private final int backlog;
    private final Executor writers;
    private final ExecutorService publisher;
    private final Set<EventSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Function<Block, String> render;
    private final AtomicInteger peakQueued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * How the stream's subscribers are doing: how many there are, the most blocks waiting for any one of
     * them now and since the stream started, and how many were dropped for falling more than {@code backlog}
     * blocks behind.
     */
    public record Stats(int subscribers, int queuedNow, int queuedPeak, long dropped, int backlog) {
    }

    /** A stream of {@code chain}'s blocks whose subscribers each hold at most {@code backlog} blocks. */
    public BlockStream(HostedChain chain, int backlog, Executor writers) {
        this(chain, backlog, writers, null);
    }

    /**
     * A stream of {@code chain}'s blocks as {@code render} writes each (the event's JSON data, one line);
     * null: the whole block ({@link JsonViews#block}).
     */
    public BlockStream(HostedChain chain, int backlog, Executor writers, @Nullable Function<Block, String> render) {
        this.chain = chain;
        this.hash = chain.genesis().cryptoSuite().hash();
        HashFunction h = hash;
        this.render = render != null ? render : b -> JsonViews.block(b, h).toString();
        this.backlog = backlog;
        this.writers = writers;
        this.publisher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "events-" + chain.id());
            t.setDaemon(true);
            return t;
        });
        chain.chain().onBlock(b -> {
            try {
                publisher.execute(() -> publish(b));
            } catch (RejectedExecutionException e) {
                // closed: nobody is listening any more
            }
        });
    }

    /** Answers the request in {@code ctx} with the stream of blocks from {@code fromHeight} on. */
    public void subscribe(Context ctx, long fromHeight) {
        if (closed) {
            throw new ApiError(503, "UNAVAILABLE", "the node is stopping");
        }
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        CompletableFuture<Void> done = new CompletableFuture<>();
        ctx.future(() -> {
            AsyncContext async = ctx.req().getAsyncContext();
            async.setTimeout(0);
            ServletOutputStream out;
            try {
                out = res.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EventSubscriber s = new EventSubscriber(this, ctx.req(), out, Math.max(1, fromHeight), backlog, done);
            subscribers.add(s);
            async.addListener(s);
            out.setWriteListener(s);
            return done;
        });
    }

    HostedChain chain() {
        return chain;
    }

    Executor writers() {
        return writers;
    }

    void removed(EventSubscriber s) {
        subscribers.remove(s);
    }

    /** The SSE frame of a block: {@code event: block}, {@code id: HEIGHT}, {@code data: JSON}. */
    byte[] frame(Block b) {
        return ("event: block\nid: " + b.height() + "\ndata: " + render.apply(b) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private void publish(Block b) {
        if (subscribers.isEmpty()) {
            return;
        }
        byte[] frame = frame(b);
        for (EventSubscriber s : subscribers) {
            s.offer(b.height(), frame);
        }
    }

    /** Sends a comment to every idle subscriber, so that quiet streams are not closed as idle. */
    public void heartbeat() {
        byte[] beat = comment("keep-alive");
        for (EventSubscriber s : subscribers) {
            s.offerComment(beat);
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** How the subscribers are doing now. */
    public Stats stats() {
        int now = 0;
        for (EventSubscriber s : subscribers) {
            now = Math.max(now, s.queuedBlocks());
        }
        return new Stats(subscribers.size(), now, peakQueued.get(), dropped.get(), backlog);
    }

    void queued(int blocks) {
        peakQueued.accumulateAndGet(blocks, Math::max);
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
        publisher.shutdown();
        for (EventSubscriber s : subscribers) {
            s.end(null);
        }
    }
}
