package org.energychain.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.energychain.ledger.Chain;

/**
 * The node's Micrometer meters, per chain (tag {@code chain}): committed transactions and blocks,
 * rejected transactions by reason, block height, mempool size, and the latency from admission to
 * commit. Exposed as Prometheus text by {@link #scrape()}.
 */
public final class NodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public MeterRegistry registry() {
        return registry;
    }

    /** Prometheus text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    void register(Chain chain) {
        String id = chain.id();
        Counter txs = Counter.builder("energychain.transactions.committed").tag("chain", id)
                .description("Transactions committed in blocks (whatever their result code)").register(registry);
        Counter blocks = Counter.builder("energychain.blocks.committed").tag("chain", id)
                .description("Blocks committed").register(registry);
        Gauge.builder("energychain.block.height", chain, c -> c.store().height()).tag("chain", id)
                .description("Height of the last committed block").register(registry);
        Gauge.builder("energychain.mempool.size", chain, Chain::pending).tag("chain", id)
                .description("Admitted transactions waiting for a block").register(registry);
        timer(id);
        chain.onBlock(b -> {
            blocks.increment();
            txs.increment(b.transactions().size());
        });
    }

    private Timer timer(String chain) {
        return Timer.builder("energychain.commit.latency").tag("chain", chain)
                .description("Time from admission of a transaction to its commit").register(registry);
    }

    void commitLatency(String chain, long nanos) {
        timer(chain).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(String chain, String reason) {
        registry.counter("energychain.transactions.rejected", "chain", chain, "reason", reason).increment();
    }
}
