package org.energychain.node.api;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.block.Block;
import org.energychain.node.HostedChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events of one chain's committed blocks. One thread sends to every subscriber, so the
 * chain's orderer never waits for a client; a subscriber may start from an earlier height
 * ({@code ?from=H} or {@code Last-Event-ID}) and is caught up from the store first, then receives each
 * block once, in height order.
 */
final class BlockStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockStream.class);

    private final HostedChain chain;
    private final HashFunction hash;
    private final ExecutorService sender;
    /** Subscriber to the next height it is to receive; touched only on the sender thread. */
    private final Map<SseClient, Long> next = new ConcurrentHashMap<>();

    BlockStream(HostedChain chain) {
        this.chain = chain;
        this.hash = chain.genesis().cryptoSuite().hash();
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sse-" + chain.id());
            t.setDaemon(true);
            return t;
        });
        chain.chain().onBlock(b -> sender.execute(() -> publish(b)));
    }

    /** Adds a subscriber that wants blocks from {@code fromHeight} on (1 for all, or beyond the tip for new ones). */
    void subscribe(SseClient client, long fromHeight) {
        client.keepAlive();
        client.onClose(() -> sender.execute(() -> next.remove(client)));
        sender.execute(() -> {
            long h = Math.max(1, fromHeight);
            long tip = chain.chain().store().height();
            while (h <= tip && !client.terminated()) {
                send(client, chain.chain().store().block(h).orElseThrow());
                h++;
            }
            if (!client.terminated()) {
                next.put(client, h);
                client.sendComment("live from height " + h);
            }
        });
    }

    private void publish(Block b) {
        for (Map.Entry<SseClient, Long> e : next.entrySet()) {
            SseClient c = e.getKey();
            if (c.terminated()) {
                next.remove(c);
            } else if (b.height() >= e.getValue()) {
                send(c, b);
                e.setValue(b.height() + 1);
            }
        }
    }

    private void send(SseClient c, Block b) {
        try {
            c.sendEvent("block", JsonViews.block(b, hash).toString(), Long.toString(b.height()));
        } catch (RuntimeException e) {
            LOG.debug("chain={} height={} event not delivered: {}", chain.id(), b.height(), e.toString());
            next.remove(c);
        }
    }

    int subscribers() {
        return next.size();
    }

    @Override
    public void close() {
        sender.execute(() -> next.keySet().forEach(SseClient::close));
        sender.shutdown();
    }
}
