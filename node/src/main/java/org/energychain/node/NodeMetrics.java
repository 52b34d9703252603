package org.energychain.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.energychain.ledger.Chain;

/**
 * The node's Micrometer meters, per chain (tag {@code chain}): committed transactions and blocks,
 * rejected transactions by reason, block height, mempool size, and the latency from admission to
 * commit. The meters of public chains and of private chains live in separate registries:
 * {@link #scrape()} exposes only the public ones (a private chain's height and activity are for its
 * members, as {@code GET /chains} hides them too); {@link #scrapePrivate()} has the others, for
 * embedding code that exports them where only the operator sees them.
 */
public final class NodeMetrics {
    private final PrometheusMeterRegistry publicChains = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PrometheusMeterRegistry privateChains = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, MeterRegistry> byChain = new ConcurrentHashMap<>();

    /** The registry of public chains' meters. */
    public MeterRegistry registry() {
        return publicChains;
    }

    /** Prometheus text exposition format 0.0.4 of the public chains' meters. */
    public String scrape() {
        return publicChains.scrape();
    }

    /** The same for the private chains' meters; never served by the API. */
    public String scrapePrivate() {
        return privateChains.scrape();
    }

    void register(Chain chain) {
        String id = chain.id();
        MeterRegistry registry = chain.genesis().isPrivate() ? privateChains : publicChains;
        byChain.put(id, registry);
        Counter txs = Counter.builder("energychain.transactions.committed").tag("chain", id)
                .description("Transactions committed in blocks (whatever their result code)").register(registry);
        Counter blocks = Counter.builder("energychain.blocks.committed").tag("chain", id)
                .description("Blocks committed").register(registry);
        Gauge.builder("energychain.block.height", chain, c -> c.store().height()).tag("chain", id)
                .description("Height of the last committed block").register(registry);
        Gauge.builder("energychain.mempool.size", chain, Chain::pending).tag("chain", id)
                .description("Admitted transactions waiting for a block").register(registry);
        Gauge.builder("energychain.chain.halted", chain, c -> c.health().isOk() ? 0 : 1).tag("chain", id)
                .description("1 while the chain is halted by a storage failure (see its status), else 0")
                .register(registry);
        timer(id);
        chain.onBlock(b -> {
            blocks.increment();
            txs.increment(b.transactions().size());
        });
    }

    private MeterRegistry registryOf(String chain) {
        return byChain.getOrDefault(chain, privateChains);
    }

    private Timer timer(String chain) {
        return Timer.builder("energychain.commit.latency").tag("chain", chain)
                .description("Time from admission of a transaction to its commit").register(registryOf(chain));
    }

    void commitLatency(String chain, long nanos) {
        timer(chain).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(String chain, String reason) {
        registryOf(chain).counter("energychain.transactions.rejected", "chain", chain, "reason", reason).increment();
    }
}
